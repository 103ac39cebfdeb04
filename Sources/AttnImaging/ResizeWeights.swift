// ResizeWeights: the taps of PyTorch's antialiased bilinear filter along one axis
// (F.interpolate(mode="bilinear", align_corners=False, antialias=True)). When shrinking, the
// triangle filter widens to the scale factor so every input pixel contributes; when enlarging it
// is plain bilinear interpolation. Computed in Float with PyTorch's exact formulas so the tap
// ranges (which truncate) agree with it. A window of the output can be asked for: the taps of
// those output indices only, so cropping after a resize never needs the whole resized axis.

struct ResizeWeights: Sendable {
    let inputSize: Int
    /// The size of the whole resized axis, which sets the scale.
    let outputSize: Int
    /// The output indices these taps are for; index `i` of the arrays is output `window.lowerBound + i`.
    let window: Range<Int>
    /// First input index of each output index's taps.
    let starts: [Int]
    /// Number of taps of each output index (at least 1).
    let counts: [Int]
    /// Tap weights, `stride` slots per output index, the unused ones zero.
    let weights: [Float]
    let stride: Int

    init(inputSize: Int, outputSize: Int, window: Range<Int>? = nil) {
        precondition(inputSize > 0 && outputSize > 0, "cannot resize \(inputSize) to \(outputSize)")
        let window = window ?? 0..<outputSize
        precondition(window.lowerBound >= 0 && window.upperBound <= outputSize && !window.isEmpty,
                     "window \(window) outside an axis of \(outputSize)")
        self.inputSize = inputSize
        self.outputSize = outputSize
        self.window = window
        let scale = Float(inputSize) / Float(outputSize)
        let support: Float = scale >= 1 ? scale : 1
        let invscale: Float = scale >= 1 ? 1 / scale : 1
        stride = Int(support.rounded(.up)) * 2 + 1

        var starts = [Int](repeating: 0, count: window.count)
        var counts = [Int](repeating: 0, count: window.count)
        var weights = [Float](repeating: 0, count: window.count * stride)
        for i in 0..<window.count {
            let center = scale * (Float(window.lowerBound + i) + 0.5)
            // Int() truncates toward zero, as PyTorch's static_cast<int64_t> does.
            let first = max(Int(center - support + 0.5), 0)
            let end = min(Int(center + support + 0.5), inputSize)
            let count = end - first
            precondition(count >= 1 && count <= stride, "resize taps out of range")
            var total: Float = 0
            for j in 0..<count {
                let w = max(0, 1 - abs((Float(j + first) - center + 0.5) * invscale))
                weights[i * stride + j] = w
                total += w
            }
            if total != 0 {
                for j in 0..<count { weights[i * stride + j] /= total }
            }
            starts[i] = first
            counts[i] = count
        }
        self.starts = starts
        self.counts = counts
        self.weights = weights
    }
}

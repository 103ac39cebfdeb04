// SeparableResampler: the two 1-D passes of a separable resize over interleaved rows
// (rows x columns x channels). A planar tensor plane is the one-channel case; an RGB image is the
// three-channel case, read straight from its bytes without a float copy of the whole picture.

/// Pixel values a resize pass can read.
protocol ResampleSource {
    var resampleValue: Float { get }
}

extension Float: ResampleSource {
    @inline(__always) var resampleValue: Float { self }
}

extension UInt8: ResampleSource {
    @inline(__always) var resampleValue: Float { Float(self) }
}

enum SeparableResampler {
    /// Resamples every row from `weights.inputSize` to `weights.outputSize` columns.
    static func resampleColumns<Source: ResampleSource>(
        _ source: UnsafeBufferPointer<Source>, into destination: UnsafeMutableBufferPointer<Float>,
        rows: Int, channels: Int, weights: ResizeWeights
    ) {
        let inWidth = weights.inputSize, outWidth = weights.outputSize
        precondition(source.count == rows * inWidth * channels && destination.count == rows * outWidth * channels)
        weights.starts.withUnsafeBufferPointer { starts in
            weights.counts.withUnsafeBufferPointer { counts in
                weights.weights.withUnsafeBufferPointer { taps in
                    for row in 0..<rows {
                        let inRow = row * inWidth * channels, outRow = row * outWidth * channels
                        for x in 0..<outWidth {
                            let first = inRow + starts[x] * channels, tap0 = x * weights.stride
                            for c in 0..<channels {
                                var sum: Float = 0
                                for j in 0..<counts[x] {
                                    sum += taps[tap0 + j] * source[first + j * channels + c].resampleValue
                                }
                                destination[outRow + x * channels + c] = sum
                            }
                        }
                    }
                }
            }
        }
    }

    /// Resamples every column from `weights.inputSize` to `weights.outputSize` rows; a row holds
    /// `rowLength` values (columns times channels).
    static func resampleRows(
        _ source: UnsafeBufferPointer<Float>, into destination: UnsafeMutableBufferPointer<Float>,
        rowLength: Int, weights: ResizeWeights
    ) {
        precondition(source.count == weights.inputSize * rowLength
                     && destination.count == weights.outputSize * rowLength)
        for y in 0..<weights.outputSize {
            let out = destination.baseAddress! + y * rowLength
            out.update(repeating: 0, count: rowLength)
            // Whole rows at a time: the inner loop runs over contiguous memory and vectorises.
            for j in 0..<weights.counts[y] {
                let w = weights.weights[y * weights.stride + j]
                let row = source.baseAddress! + (weights.starts[y] + j) * rowLength
                for k in 0..<rowLength { out[k] += w * row[k] }
            }
        }
    }
}

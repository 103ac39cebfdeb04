// Softmax over any axis, max-subtracted for stability.
import Foundation

public func softmax(_ x: Tensor, axis: Int) -> Tensor {
    let a = x.axis(axis)
    let size = x.shape[a]
    let inner = x.shape[(a + 1)...].reduce(1, *)
    let outer = x.shape[..<a].reduce(1, *)
    var out = x.data
    out.withUnsafeMutableBufferPointer { p in
        for o in 0..<outer {
            for i in 0..<inner {
                let base = o * size * inner + i
                var peak = -Float.infinity
                for k in 0..<size { peak = max(peak, p[base + k * inner]) }
                var sum: Float = 0
                for k in 0..<size {
                    let e = expf(p[base + k * inner] - peak)
                    p[base + k * inner] = e
                    sum += e
                }
                for k in 0..<size { p[base + k * inner] /= sum }
            }
        }
    }
    return Tensor(shape: x.shape, data: out)
}

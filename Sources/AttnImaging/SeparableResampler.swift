// SeparableResampler: the two 1-D passes of a separable resize over interleaved rows
// (rows x columns x channels). A planar tensor plane is the one-channel case; an RGB image is the
// three-channel case, read straight from its bytes without a float copy of the whole picture.
// The intermediate between the passes is kept small (a band of rows, or the other order), so
// shrinking a 48-megapixel photo costs a few megabytes and not a float copy of it, and a
// 1 x 1,000,000 strip resized to 224 x 224 does not hold 1,000,000 x 224 values.

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
    /// Resamples every row from `weights.inputSize` columns to the `weights.window` columns.
    static func resampleColumns<Source: ResampleSource>(
        _ source: UnsafeBufferPointer<Source>, into destination: UnsafeMutableBufferPointer<Float>,
        rows: Int, channels: Int, weights: ResizeWeights
    ) {
        let inWidth = weights.inputSize, outWidth = weights.window.count
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

    /// Resamples the columns of `source` (rows `sourceRows.lowerBound...` of the input, each
    /// `rowLength` values: columns times channels) into the output rows `outputRows` of the
    /// `weights.window` rows, written from the start of `destination`.
    static func resampleRows<Source: ResampleSource>(
        _ source: UnsafeBufferPointer<Source>, into destination: UnsafeMutableBufferPointer<Float>,
        rowLength: Int, weights: ResizeWeights, outputRows: Range<Int>, sourceRows: Range<Int>
    ) {
        precondition(source.count == sourceRows.count * rowLength && destination.count == outputRows.count * rowLength)
        for y in outputRows {
            let out = destination.baseAddress! + (y - outputRows.lowerBound) * rowLength
            out.update(repeating: 0, count: rowLength)
            // Whole rows at a time: the inner loop runs over contiguous memory and vectorises.
            for j in 0..<weights.counts[y] {
                let w = weights.weights[y * weights.stride + j]
                let row = source.baseAddress! + (weights.starts[y] + j - sourceRows.lowerBound) * rowLength
                for k in 0..<rowLength { out[k] += w * row[k].resampleValue }
            }
        }
    }

    /// Output rows computed per band of the columns-first order.
    static let bandRows = 32

    /// The input rows the output rows `rows` (window indices) read: taps start and end in order.
    static func inputRows(of rows: Range<Int>, _ weights: ResizeWeights) -> Range<Int> {
        weights.starts[rows.lowerBound]..<(weights.starts[rows.upperBound - 1] + weights.counts[rows.upperBound - 1])
    }

    /// Both passes over one interleaved plane (`height` rows of `width` x `channels` values),
    /// into `destination` (`vertical.window.count` rows of `horizontal.window.count` x `channels`).
    /// Columns first, as PyTorch does, a band of output rows at a time, so the intermediate holds
    /// only the input rows one band reads; rows first (one intermediate of output rows by input
    /// columns) where that is smaller still, as for a tall strip shrunk to a square.
    static func resample<Source: ResampleSource>(
        _ source: UnsafeBufferPointer<Source>, into destination: UnsafeMutableBufferPointer<Float>,
        height: Int, width: Int, channels: Int, horizontal: ResizeWeights, vertical: ResizeWeights
    ) {
        let outWidth = horizontal.window.count, outHeight = vertical.window.count
        let bands = stride(from: 0, to: outHeight, by: bandRows).map { $0..<min($0 + bandRows, outHeight) }
        let bandScratch = bands.map { inputRows(of: $0, vertical).count }.max()! * outWidth
        if bandScratch <= outHeight * width {
            var scratch = [Float](repeating: 0, count: bandScratch * channels)
            scratch.withUnsafeMutableBufferPointer { buffer in
                for band in bands {
                    let rows = inputRows(of: band, vertical)
                    let inBand = UnsafeBufferPointer(rebasing: source[(rows.lowerBound * width * channels)..<(rows.upperBound * width * channels)])
                    let columns = UnsafeMutableBufferPointer(rebasing: buffer[0..<(rows.count * outWidth * channels)])
                    resampleColumns(inBand, into: columns, rows: rows.count, channels: channels, weights: horizontal)
                    let out = UnsafeMutableBufferPointer(rebasing:
                        destination[(band.lowerBound * outWidth * channels)..<(band.upperBound * outWidth * channels)])
                    resampleRows(UnsafeBufferPointer(columns), into: out, rowLength: outWidth * channels, weights: vertical,
                                 outputRows: band, sourceRows: rows)
                }
            }
        } else {
            var scratch = [Float](repeating: 0, count: outHeight * width * channels)
            scratch.withUnsafeMutableBufferPointer { rows in
                resampleRows(source, into: rows, rowLength: width * channels, weights: vertical,
                             outputRows: 0..<outHeight, sourceRows: 0..<height)
                resampleColumns(UnsafeBufferPointer(rows), into: destination, rows: outHeight, channels: channels, weights: horizontal)
            }
        }
    }
}

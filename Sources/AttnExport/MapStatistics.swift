// MapStatistics: what summary.json says of a map: its shape, min, max, mean and (population)
// standard deviation over all its values, and for maps with a channel axis the strongest channels
// (a channel's value is its mean over the map's other axes). Sums are taken in Double, in order,
// so the figures are the same on every run.
import AttnBlocks
import AttnEngine
import AttnTUI

public struct MapStatistics: Codable, Equatable, Sendable {
    public struct Channel: Codable, Equatable, Sendable {
        public let channel: Int
        public let value: Float
    }

    public let shape: [Int]
    public let min: Float
    public let max: Float
    public let mean: Double
    public let std: Double
    /// The strongest channels, largest first; nil for maps with no channel axis.
    public let top: [Channel]?

    public init(_ tensor: Tensor, channelAxes: ClosedRange<Int>?, top k: Int) {
        shape = tensor.shape
        var lo = Float.infinity, hi = -Float.infinity, sum = 0.0
        for v in tensor.data {
            lo = Swift.min(lo, v); hi = Swift.max(hi, v); sum += Double(v)
        }
        let n = Double(Swift.max(1, tensor.count))
        let mean = sum / n
        var squares = 0.0
        for v in tensor.data { squares += (Double(v) - mean) * (Double(v) - mean) }
        self.min = tensor.count > 0 ? lo : 0
        self.max = tensor.count > 0 ? hi : 0
        self.mean = mean
        std = (squares / n).squareRoot()
        top = channelAxes.map { axes in
            let values = Self.channelMeans(tensor, axes: axes)
            return Array(ViewValues.sortedChannels(values).prefix(k).map { Channel(channel: $0, value: values[$0]) })
        }
    }

    /// The mean of each channel (the flattened index over `axes`) over every other non-batch
    /// axis, for the first batch entry.
    public static func channelMeans(_ tensor: Tensor, axes: ClosedRange<Int>) -> [Float] {
        let shape = tensor.shape
        let channels = shape[axes].reduce(1, *)
        let inner = shape[(axes.upperBound + 1)...].reduce(1, *)
        let outer = shape[1..<axes.lowerBound].reduce(1, *)
        var sums = [Double](repeating: 0, count: channels)
        for o in 0..<outer {
            for c in 0..<channels {
                let start = (o * channels + c) * inner
                for i in 0..<inner { sums[c] += Double(tensor.data[start + i]) }
            }
        }
        return sums.map { Float($0 / Double(outer * inner)) }
    }

    /// The axes of a block's map that index channels (after the batch axis), as the block's
    /// MapSpec declares them; nil for spatial maps. SA's channels are group-major (g * C/2G + j),
    /// as its bars. SPD's output (N, 4C, H/2, W/2) has its channels on axis 1.
    public static func channelAxes(block: String, map: String) -> ClosedRange<Int>? {
        if map == "output" { return 1...1 }
        return BlockRegistry.type(named: block)?.info.map(map)?.channelAxes
    }
}

// MapSpec: one map a block records, with what kind of thing it is: the views that show it (bars,
// a plane over the image, one plane per channel, gates along H and W, attention windows) and the
// statistics of an export follow from its kind alone, so a new block declares its maps here and
// touches nothing else.

public struct MapSpec: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// (N, C): a weight per channel; `groups`: SA's (N, G, C/2G), read group-major.
        case channelVector(groups: Bool)
        /// (N, H, W): one plane over the image.
        case plane
        /// (N, C, H, W): a plane per channel; `groups`: SA's (N, G, C/2G, H, W).
        case channelPlanes(groups: Bool)
        /// (N, C, H): a value per channel and row; `channelLast`: (N, H, C), as Triplet's hc.
        case heightAxis(channelLast: Bool)
        /// (N, C, W): a value per channel and column.
        case widthAxis
        /// (N, heads, k*k, H, W): each position's k x k attention window, per head.
        case windows
        /// A few numbers (ACmix's two rates), shown beside the windows.
        case scalars
    }

    public let name: String
    /// What it is, as the TUI's heading and a figure's caption say.
    public let title: String
    public let kind: Kind

    public init(_ name: String, _ title: String, _ kind: Kind) {
        self.name = name; self.title = title; self.kind = kind
    }

    /// The axes (after the batch axis) that index channels, for the strongest channels of an
    /// export's summary; nil where there are none.
    public var channelAxes: ClosedRange<Int>? {
        switch kind {
        case .channelVector(let groups), .channelPlanes(let groups): return groups ? 1...2 : 1...1
        case .heightAxis(let channelLast): return channelLast ? 2...2 : 1...1
        case .widthAxis: return 1...1
        case .plane, .windows, .scalars: return nil
        }
    }
}

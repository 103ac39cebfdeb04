// NetworkVisitor: what a network reports while it runs: each attention block (what it saw and
// made), and the outputs of its stages, where probe mode attaches a block to plain networks.
import AttnEngine

public struct NetworkVisitor {
    public var attention: (LayerTrace) -> Void
    public var stage: (_ name: String, _ output: Tensor) -> Void

    public init(attention: @escaping (LayerTrace) -> Void = { _ in }, stage: @escaping (String, Tensor) -> Void = { _, _ in }) {
        self.attention = attention
        self.stage = stage
    }

    public static var none: NetworkVisitor { NetworkVisitor() }
}

/// A whole network attnview runs: a classifier with its attention blocks in line (or none: a
/// plain backbone for probes).
public protocol AttentionNetwork: Sendable {
    /// Logits (1, classes) for a normalised (1, 3, H, W) input.
    func forward(_ x: Tensor, visit: NetworkVisitor) throws -> Tensor

    /// How many attention blocks a forward pass reports (for progress while it runs).
    var attentionLayerCount: Int { get }
}

extension AttentionNetwork {
    public var attentionLayerCount: Int { 0 }
}

/// Progress of a run: layer k (1-based) of n is being computed, and its name.
public typealias LayerProgress = (_ k: Int, _ n: Int, _ name: String) -> Void

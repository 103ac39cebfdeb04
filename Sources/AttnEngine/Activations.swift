// Activations: the pointwise nonlinearities of the blocks and backbones, as PyTorch defines them.
import Foundation

public func relu(_ x: Tensor) -> Tensor { x.map { max($0, 0) } }

public func relu6(_ x: Tensor) -> Tensor { x.map { min(max($0, 0), 6) } }

@inline(__always) func sigmoidScalar(_ v: Float) -> Float { 1 / (1 + expf(-v)) }

public func sigmoid(_ x: Tensor) -> Tensor { x.map(sigmoidScalar) }

/// relu6(x + 3) / 6, which is also PyTorch's F.hardsigmoid.
public func hardSigmoid(_ x: Tensor) -> Tensor { x.map { min(max($0 + 3, 0), 6) / 6 } }

/// x * relu6(x + 3) / 6 (CoordAtt's h_swish, nn.Hardswish).
public func hardSwish(_ x: Tensor) -> Tensor { x.map { $0 * min(max($0 + 3, 0), 6) / 6 } }

/// x * sigmoid(x) (nn.SiLU, "swish").
public func silu(_ x: Tensor) -> Tensor { x.map { $0 * sigmoidScalar($0) } }

public func tanh(_ x: Tensor) -> Tensor { x.map { Foundation.tanhf($0) } }

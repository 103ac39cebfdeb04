// ConvGeometry: the one place where window-op output sizes and paddings are computed
// (conv2d, pooling, unfold), including TensorFlow's "SAME" padding, which puts the odd extra
// pixel at the bottom/right on stride 2.

/// Padding of the four borders of an H x W plane.
public struct Padding2D: Sendable, Equatable, CustomStringConvertible {
    public var top: Int, bottom: Int, left: Int, right: Int

    public init(top: Int, bottom: Int, left: Int, right: Int) {
        precondition(top >= 0 && bottom >= 0 && left >= 0 && right >= 0, "negative padding")
        self.top = top; self.bottom = bottom; self.left = left; self.right = right
    }

    /// PyTorch's `padding=(h, w)`: the same amount before and after.
    public static func symmetric(_ h: Int, _ w: Int) -> Padding2D {
        Padding2D(top: h, bottom: h, left: w, right: w)
    }

    public static func symmetric(_ p: Int) -> Padding2D { symmetric(p, p) }

    public static let zero = Padding2D(top: 0, bottom: 0, left: 0, right: 0)

    /// TensorFlow "SAME": output = ceil(input / stride); the total padding is split with the
    /// smaller half first, so an odd total pads one more at the bottom/right.
    public static func tensorFlowSame(
        inputH: Int, inputW: Int, kernel: (Int, Int), stride: (Int, Int), dilation: (Int, Int) = (1, 1)
    ) -> Padding2D {
        let h = sameSplit(input: inputH, kernel: kernel.0, stride: stride.0, dilation: dilation.0)
        let w = sameSplit(input: inputW, kernel: kernel.1, stride: stride.1, dilation: dilation.1)
        return Padding2D(top: h.before, bottom: h.after, left: w.before, right: w.after)
    }

    static func sameSplit(input: Int, kernel: Int, stride: Int, dilation: Int) -> (before: Int, after: Int) {
        let output = (input + stride - 1) / stride
        let total = max((output - 1) * stride + (kernel - 1) * dilation + 1 - input, 0)
        return (total / 2, total - total / 2)
    }

    public var description: String { "(top \(top), bottom \(bottom), left \(left), right \(right))" }
}

/// How pixels outside the input are filled.
public enum PaddingMode: Sendable, Equatable {
    case zeros
    /// Mirror without repeating the edge pixel (PyTorch's "reflect", ReflectionPad2d).
    case reflect
}

/// Geometry of a k x k window sliding over an H x W plane.
public struct WindowGeometry: Sendable, Equatable {
    public let inputH: Int, inputW: Int
    public let kernelH: Int, kernelW: Int
    public let strideH: Int, strideW: Int
    public let dilationH: Int, dilationW: Int
    public let padding: Padding2D
    public let outputH: Int, outputW: Int

    public init(
        inputH: Int, inputW: Int, kernel: (Int, Int), stride: (Int, Int) = (1, 1),
        dilation: (Int, Int) = (1, 1), padding: Padding2D = .zero, ceilMode: Bool = false
    ) {
        precondition(kernel.0 > 0 && kernel.1 > 0, "kernel must be positive")
        precondition(stride.0 > 0 && stride.1 > 0, "stride must be positive")
        precondition(dilation.0 > 0 && dilation.1 > 0, "dilation must be positive")
        self.inputH = inputH; self.inputW = inputW
        self.kernelH = kernel.0; self.kernelW = kernel.1
        self.strideH = stride.0; self.strideW = stride.1
        self.dilationH = dilation.0; self.dilationW = dilation.1
        self.padding = padding
        self.outputH = WindowGeometry.outputSize(
            input: inputH, kernel: kernel.0, stride: stride.0, dilation: dilation.0,
            padBefore: padding.top, padAfter: padding.bottom, ceilMode: ceilMode)
        self.outputW = WindowGeometry.outputSize(
            input: inputW, kernel: kernel.1, stride: stride.1, dilation: dilation.1,
            padBefore: padding.left, padAfter: padding.right, ceilMode: ceilMode)
        precondition(outputH > 0 && outputW > 0,
                     "window \(kernel) with padding \(padding) does not fit a \(inputH)x\(inputW) input")
    }

    /// Output positions o in 0..<output whose source o*stride + offset lies in 0..<input.
    public static func validOutputRange(offset: Int, stride: Int, input: Int, output: Int) -> Range<Int> {
        let start = offset >= 0 ? 0 : min(output, (-offset + stride - 1) / stride)
        let end = input - 1 - offset >= 0 ? min(output, (input - 1 - offset) / stride + 1) : 0
        return start..<max(start, end)
    }

    /// PyTorch's formula; in ceil mode the last window must still start inside the padded input.
    public static func outputSize(
        input: Int, kernel: Int, stride: Int, dilation: Int, padBefore: Int, padAfter: Int, ceilMode: Bool = false
    ) -> Int {
        let span = input + padBefore + padAfter - dilation * (kernel - 1) - 1
        guard span >= 0 else { return 0 }
        var out = (ceilMode ? (span + stride - 1) / stride : span / stride) + 1
        if ceilMode && (out - 1) * stride >= input + padBefore { out -= 1 }
        return out
    }
}

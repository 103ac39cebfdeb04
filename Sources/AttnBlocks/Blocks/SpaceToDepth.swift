// Space-to-depth: Sunkara, Luo, "No More Strided Convolutions or Pooling: A New CNN Building Block
// for Low-Resolution Images and Small Objects" (SPD-Conv), ECML PKDD 2022. Reference:
// LabSAINT/SPD-Conv, YOLOv5-SPD/models/common.py and ResNet*-SPD (class space_to_depth).
//
// The concatenation order is the reference's: x[::2, ::2], x[1::2, ::2], x[::2, 1::2], x[1::2, 1::2],
// i.e. the row offset varies first. pixel_unshuffle (and a naive reshape) varies the column offset
// first and interleaves per channel; trained SPD-Conv weights only fit the reference's order. The
// reference's `dimension` argument is stored but never used (the concat is always on channels), so
// the block has no options. Odd sizes make torch.cat fail on mismatched sizes: validate() rejects them.
import AttnEngine

public struct SpaceToDepth: AttentionBlock {
    public static let info = BlockInfo(
        name: "spd", title: "Space-to-depth (SPD-Conv)", paper: "Sunkara & Luo, ECML PKDD 2022",
        reference: "LabSAINT/SPD-Conv space_to_depth",
        summary: "y = cat(x[::2,::2], x[1::2,::2], x[::2,1::2], x[1::2,1::2]) on channels: (N,4C,H/2,W/2)",
        options: [], maps: [], outputPhases: true)

    public init(channels: Int, options: inout BlockOptions, parameters: inout ParameterBuilder) throws {}

    public func validate(height: Int, width: Int) throws {
        guard height % 2 == 0 && width % 2 == 0 else {
            throw BlockError("spd", "input \(height)x\(width) has an odd side:"
                             + " space-to-depth needs even height and width")
        }
    }

    public func forward(_ x: Tensor, trace: Trace?) -> Tensor {
        let (_, _, h, w) = x.nchw
        // (row offset, column offset) in the reference's order.
        let parts = [(0, 0), (1, 0), (0, 1), (1, 1)].map { dy, dx in
            slice(slice(x, axis: 2, start: dy, end: h, step: 2), axis: 3, start: dx, end: w, step: 2)
        }
        return concat(parts, axis: 1)
    }

    public func multiplyAdds(height: Int, width: Int) -> Int { 0 }

    public var settings: [(key: String, value: String)] { [] }
}

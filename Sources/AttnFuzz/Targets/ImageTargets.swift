// The image targets: PNG (libpng behind attnview's chunk screen) and JPEG (libjpeg-turbo behind
// the marker checks), both entered the way every command enters them, through ImageFile with the
// default budget, so sniffing, the budget and the decoders are all under test. A decoded image
// must be within the budget and hold exactly width x height pixels.
import AttnImaging

private func decodeImage(_ input: [UInt8], name: String, rgba: Bool) throws(FuzzFailure) -> FuzzOutcome {
    let budget = ImageBudget()
    return try readerOutcome(refusing: ImageError.self) {
        let (width, height, count, channels): (Int, Int, Int, Int)
        if rgba {
            let image = try PNG.decodeRGBA(input, name: name, budget: budget)
            (width, height, count, channels) = (image.width, image.height, image.pixels.count, 4)
        } else {
            let image = try ImageFile.decode(input, name: name, budget: budget)
            (width, height, count, channels) = (image.width, image.height, image.pixels.count, 3)
        }
        guard budget.refusal(width: width, height: height) == nil else {
            throw FuzzFailure("decoded a \(width)x\(height) image, outside the budget")
        }
        guard count == width * height * channels else {
            throw FuzzFailure("\(width)x\(height) image holds \(count) bytes, not \(width * height * channels)")
        }
        return .accepted("\(width)x\(height)")
    }
}

public struct PNGTarget: FuzzTarget {
    public let name = "png"
    public var seeds: [(folder: String, suffixes: [String])] { [("png", [".png"])] }

    public init() {}

    /// Half the time every chunk's CRC is made right again, so the damage reaches libpng's
    /// parsing of the chunk instead of stopping at the checksum.
    public func repair(_ input: inout [UInt8], rng: inout FuzzRandom) {
        guard rng.chance(0.5) else { return }
        var at = 8
        while at + 12 <= input.count {
            let length = Int(input[at]) << 24 | Int(input[at + 1]) << 16 | Int(input[at + 2]) << 8 | Int(input[at + 3])
            let end = at + 8 + length
            guard end + 4 <= input.count else { return }
            let crc = CRC32.checksum(input[(at + 4)..<end])
            for k in 0..<4 { input[end + k] = UInt8(truncatingIfNeeded: crc >> UInt32(24 - 8 * k)) }
            at = end + 4
        }
    }

    /// The TUI and export read PNGs with their alpha; the other commands as RGB. Both, by turns.
    public func run(_ input: [UInt8]) throws(FuzzFailure) -> FuzzOutcome {
        try decodeImage(input, name: "fuzz.png", rgba: input.count % 2 == 1)
    }
}

public struct JPEGTarget: FuzzTarget {
    public let name = "jpeg"
    public var seeds: [(folder: String, suffixes: [String])] { [("jpeg", [".jpg"])] }

    public init() {}

    public func run(_ input: [UInt8]) throws(FuzzFailure) -> FuzzOutcome {
        try decodeImage(input, name: "fuzz.jpg", rgba: false)
    }
}

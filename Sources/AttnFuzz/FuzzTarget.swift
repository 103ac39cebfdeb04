// FuzzTarget: one reader under fuzzing: its seed files, where its mutations should land, and a
// run that feeds it one input and says what it made of it. A reader may accept an input or refuse
// it with its own error; anything else (another error type, a message of several lines or with
// control characters, a message past any sane length) is a finding, as are crashes, hangs and
// runs that take too long, which the runner catches.

public enum FuzzOutcome: Equatable, Sendable {
    /// Read: a short description of what came out ("12x8 RGB").
    case accepted(String)
    /// Refused with the reader's own error line.
    case refused(String)

    /// As a finding's expected file holds it.
    public var line: String {
        switch self {
        case .accepted(let what): return "accepted: \(what)"
        case .refused(let message): return "refused: \(message)"
        }
    }
}

/// What the reader did that it must not.
public struct FuzzFailure: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}

public protocol FuzzTarget: Sendable {
    /// As the command line names it: png, jpeg, safetensors, pth-zip, pth-legacy, set.
    var name: String { get }
    /// The seed files' folders under the fixtures folder, and the file endings taken.
    var seeds: [(folder: String, suffixes: [String])] { get }
    /// Seeds that are not files (the --set target's lines).
    var builtInSeeds: [[UInt8]] { get }
    /// How to mutate one seed (where its interesting bytes are).
    func mutator(for seed: [UInt8]) -> Mutator
    /// Touches after mutating (a PNG's chunk checksums made right again, sometimes).
    func repair(_ input: inout [UInt8], rng: inout FuzzRandom)
    func run(_ input: [UInt8]) throws(FuzzFailure) -> FuzzOutcome
}

extension FuzzTarget {
    public var builtInSeeds: [[UInt8]] { [] }
    public func mutator(for seed: [UInt8]) -> Mutator { Mutator() }
    public func repair(_ input: inout [UInt8], rng: inout FuzzRandom) {}
}

public enum FuzzTargets {
    public static let all: [any FuzzTarget] = [
        PNGTarget(), JPEGTarget(), SafeTensorsTarget(), CheckpointTarget(zip: true), CheckpointTarget(zip: false),
        SetParserTarget(),
    ]

    public static var names: [String] { all.map(\.name) }

    public static func named(_ name: String) -> (any FuzzTarget)? { all.first { $0.name == name } }
}

/// Runs a reader on one input: its own error type `Refusal` is a refusal (its line checked by
/// ErrorLine), a FuzzFailure of the target's own checks passes through, any other error is one.
func readerOutcome<Refusal: Error & CustomStringConvertible>(
    refusing _: Refusal.Type, _ read: () throws -> FuzzOutcome
) throws(FuzzFailure) -> FuzzOutcome {
    do {
        return try read()
    } catch let error as Refusal {
        return .refused(try ErrorLine.check(error.description))
    } catch let failure as FuzzFailure {
        throw failure
    } catch {
        throw FuzzFailure("unexpected error \(type(of: error)): \(error)")
    }
}

/// The checks every refusal passes: one line, nothing that moves the cursor, a length a terminal
/// line can hold a few times over.
public enum ErrorLine {
    public static let maxLength = 1500

    public static func check(_ message: String) throws(FuzzFailure) -> String {
        if message.isEmpty { throw FuzzFailure("empty error message") }
        if message.unicodeScalars.count > maxLength {
            throw FuzzFailure("error message of \(message.unicodeScalars.count) characters: \(message.prefix(200))…")
        }
        if let bad = message.unicodeScalars.first(where: { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) }) {
            throw FuzzFailure("error message holds control character U+\(String(bad.value, radix: 16)): \(message.debugDescription)")
        }
        return message
    }
}

// JSONOutput: how every command writes JSON: keys sorted (so the same data gives the same bytes),
// slashes not escaped (paths read as paths), pretty-printed unless asked otherwise; numbers
// that are not finite (a trained checkpoint can hold anything) become strings instead of failing.
import Foundation

public enum JSONOutput {
    public static func encoder(pretty: Bool = true, snakeCase: Bool = false) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes] : [.sortedKeys, .withoutEscapingSlashes]
        if snakeCase { encoder.keyEncodingStrategy = .convertToSnakeCase }
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        return encoder
    }

    public static func string<T: Encodable>(_ value: T, pretty: Bool = true) -> String {
        String(decoding: try! encoder(pretty: pretty).encode(value), as: UTF8.self)
    }
}

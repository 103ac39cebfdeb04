// Classify: `attnview classify`: a network's top-K classes for each image (EfficientNet-Lite0's
// ImageNet classes by default; any --model, with --labels for other class sets). An image that
// cannot be read gets its error line and does not stop the others.
import AttnEngine
import AttnFormats
import AttnImaging
import AttnModels
import Foundation

public enum Classify {
    public struct Prediction: Codable, Sendable {
        public let index: Int
        public let name: String
        public let probability: Float
    }

    public struct Result: Codable, Sendable {
        public let image: String
        public let top: [Prediction]?
        /// Every class's logit, when asked for (--logits).
        public var logits: [Float]? = nil
        public let error: String?
    }

    public static func run(images: [String], top: Int, network prepared: PreparedNetwork, budget: ImageBudget = ImageBudget(),
                           logits withLogits: Bool = false) -> [Result] {
        images.map { path in
            do {
                let image = try ImageFile.read(contentsOf: URL(fileURLWithPath: path), budget: budget)
                let logits = try prepared.loaded.network.forward(prepared.input(image), visit: .none)
                let best = NetworkTrace.top(logits, min(top, logits.count), names: prepared.classNames).map {
                    Prediction(index: $0.index, name: $0.name, probability: $0.probability)
                }
                return Result(image: path, top: best, logits: withLogits ? logits.data : nil, error: nil)
            } catch {
                return Result(image: path, top: nil, error: "\(error)")
            }
        }
    }

    public static func text(_ results: [Result]) -> String {
        results.compactMap { r -> String? in
            guard let top = r.top else { return nil }
            let lines = top.map { String(format: "  %4d  %.4f  ", $0.index, $0.probability) + $0.name }
            return ([r.image] + lines).joined(separator: "\n")
        }.joined(separator: "\n")
    }

    public static func json(_ results: [Result]) -> String {
        JSONOutput.string(results)
    }
}

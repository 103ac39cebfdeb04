// ImageBenchmark: how fast a PNG becomes a network input: libpng decoding, then the antialiased
// resize to the network's side and normalisation. The file is decoded once before timing, so a
// bad file fails with its own error instead of a figure.
import AttnEngine
import AttnImaging
import Foundation

public enum ImageBenchmark {
    public static func cases(imagePath: String, side: Int = 224) throws(ImageError) -> [BenchmarkCase] {
        let url = URL(fileURLWithPath: imagePath)
        let image = try ImageFile.read(contentsOf: url)
        let megapixels = Double(image.width * image.height) / 1e6
        let name = url.lastPathComponent
        let shape = "\(image.width)x\(image.height) \(name)"
        return [
            BenchmarkCase(name: "png read", shape: shape, work: megapixels, unit: "MPix/s") {
                _ = try? ImageFile.read(contentsOf: url)
            },
            BenchmarkCase(name: "resize+normalise to \(side)", shape: shape, work: megapixels, unit: "MPix/s") {
                _ = image.resizedBilinear(height: side, width: side).tensor(normalization: .imageNet)
            },
        ]
    }
}

// EngineBenchmark: throughput of the engine's heavy kernels (sgemm and conv2d) on ResNet-like
// and depthwise (EfficientNet-Lite) shapes, as printed by `attnview bench`. Each case runs once
// to warm up, then `repeats` times; the median and the best run are reported, since this
// machine is shared and noisy.
import AttnEngine
import AttnFormats
import Foundation

public struct BenchmarkResult: Sendable {
    public let name: String
    public let shape: String
    /// Work done by one run, in the unit's numerator (GFLOP, megapixels).
    public let work: Double
    public let unit: String
    public let medianSeconds: Double
    public let minSeconds: Double
    public var medianRate: Double { work / medianSeconds }
    public var bestRate: Double { work / minSeconds }
}

/// One measured piece of work.
public struct BenchmarkCase {
    let name: String, shape: String, work: Double, unit: String
    let run: () -> Void

    public init(name: String, shape: String, work: Double, unit: String, run: @escaping () -> Void) {
        self.name = name; self.shape = shape; self.work = work; self.unit = unit; self.run = run
    }

    func measure(repeats: Int) -> BenchmarkResult {
        run()
        var times = [Double]()
        for _ in 0..<repeats {
            let start = DispatchTime.now().uptimeNanoseconds
            run()
            times.append(Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
        }
        times.sort()
        return BenchmarkResult(name: name, shape: shape, work: work, unit: unit,
                               medianSeconds: times[times.count / 2], minSeconds: times[0])
    }
}

public enum EngineBenchmark {
    typealias Case = BenchmarkCase

    static func gemmCase(_ name: String, m: Int, n: Int, k: Int) -> Case {
        let a = filled(m * k, seed: 1), b = filled(k * n, seed: 2)
        let c = OutputBuffer(count: m * n)
        return Case(name: name, shape: "M=\(m) N=\(n) K=\(k)", work: 2 * Double(m * n * k) / 1e9, unit: "GFLOP/s") {
            a.withUnsafeBufferPointer { pa in
                b.withUnsafeBufferPointer { pb in
                    GEMM.sgemm(m: m, n: n, k: k, a: pa.baseAddress!, lda: k, b: pb.baseAddress!, ldb: n, c: c.pointer, ldc: n)
                }
            }
        }
    }

    static func convCase(
        _ name: String, c: Int, o: Int, hw: Int, k: Int, stride: Int, groups: Int = 1, tfSame: Bool = false
    ) -> Case {
        let x = Tensor(shape: [1, c, hw, hw], data: filled(c * hw * hw, seed: 3))
        let w = Tensor(shape: [o, c / groups, k, k], data: filled(o * c / groups * k * k, seed: 4))
        let padding = tfSame
            ? Padding2D.tensorFlowSame(inputH: hw, inputW: hw, kernel: (k, k), stride: (stride, stride))
            : Padding2D.symmetric(k / 2)
        let g = WindowGeometry(inputH: hw, inputW: hw, kernel: (k, k), stride: (stride, stride), padding: padding)
        let flops = 2 * Double(o * g.outputH * g.outputW * (c / groups) * k * k)
        let kind = groups == 1 ? "dense" : "depthwise"
        return Case(name: name, shape: "\(kind) \(c)->\(o) \(k)x\(k)/\(stride) @\(hw)x\(hw)", work: flops / 1e9,
                    unit: "GFLOP/s") {
            _ = conv2d(x, weight: w, stride: (stride, stride), padding: padding, groups: groups)
        }
    }

    static func unfoldCase(_ name: String, c: Int, hw: Int, k: Int) -> Case {
        let x = Tensor(shape: [1, c, hw, hw], data: filled(c * hw * hw, seed: 5))
        let bytes = Double(c * k * k * hw * hw * MemoryLayout<Float>.stride)
        return Case(name: name, shape: "\(c)ch \(k)x\(k) pad \(k / 2) @\(hw)x\(hw)", work: bytes / 1e9, unit: "GB/s") {
            _ = unfold(x, kernel: (k, k), padding: .symmetric(k / 2))
        }
    }

    static var cases: [Case] {
        [
            gemmCase("sgemm square", m: 1024, n: 1024, k: 1024),
            gemmCase("sgemm resnet conv3 im2col", m: 64, n: 3136, k: 576),
            gemmCase("sgemm lite0 pointwise", m: 96, n: 12544, k: 16),
            convCase("conv resnet 3x3", c: 64, o: 64, hw: 56, k: 3, stride: 1),
            convCase("conv resnet 3x3 s2", c: 128, o: 256, hw: 28, k: 3, stride: 2),
            convCase("conv resnet 1x1", c: 256, o: 64, hw: 56, k: 1, stride: 1),
            convCase("conv resnet stem 7x7 s2", c: 3, o: 64, hw: 224, k: 7, stride: 2),
            unfoldCase("unfold (im2col) 3x3", c: 64, hw: 56, k: 3),
            unfoldCase("unfold (im2col) acmix 7x7", c: 16, hw: 56, k: 7),
            convCase("depthwise lite0 3x3", c: 32, o: 32, hw: 112, k: 3, stride: 1, groups: 32, tfSame: true),
            convCase("depthwise lite0 3x3 s2", c: 96, o: 96, hw: 112, k: 3, stride: 2, groups: 96, tfSame: true),
            convCase("depthwise lite0 5x5", c: 240, o: 240, hw: 28, k: 5, stride: 1, groups: 240, tfSame: true),
        ]
    }

    public static func run(_ cases: [BenchmarkCase], repeats: Int) -> [BenchmarkResult] {
        cases.map { $0.measure(repeats: repeats) }
    }

    public static var engineCases: [BenchmarkCase] { cases }

    /// Deterministic values in [-1, 1): the figures must not depend on the data.
    static func filled(_ count: Int, seed: UInt64) -> [Float] {
        var state = seed &* 0x9E37_79B9_7F4A_7C15
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Float(state >> 40) / Float(1 << 23) - 1
        }
    }

    public static func table(_ results: [BenchmarkResult]) -> String {
        var lines = ["attnview bench: \(machineDescription())",
                     "case                          shape                                  median ms   rate median     rate best  unit"]
        for r in results {
            lines.append(
                r.name.padding(toLength: 30, withPad: " ", startingAt: 0)
                    + r.shape.padding(toLength: 39, withPad: " ", startingAt: 0)
                    + String(format: "%9.3f   %11.2f   %11.2f  ", r.medianSeconds * 1000, r.medianRate, r.bestRate)
                    + r.unit)
        }
        return lines.joined(separator: "\n")
    }

    public static func json(_ results: [BenchmarkResult]) -> String {
        struct Row: Codable {
            let name: String, shape: String, unit: String
            let median_ms: Double, min_ms: Double, rate_median: Double, rate_best: Double
        }
        struct Report: Codable { let machine: String; let results: [Row] }
        let report = Report(machine: machineDescription(), results: results.map {
            Row(name: $0.name, shape: $0.shape, unit: $0.unit, median_ms: $0.medianSeconds * 1000,
                min_ms: $0.minSeconds * 1000, rate_median: $0.medianRate, rate_best: $0.bestRate)
        })
        return JSONOutput.string(report, pretty: false)
    }

    /// CPU model and thread count, so figures are never quoted without the machine.
    public static func machineDescription() -> String {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let model = cpuinfo.split(separator: "\n").first { $0.hasPrefix("model name") }
            .map { $0.split(separator: ":", maxSplits: 1)[1].trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        return "\(model), \(ProcessInfo.processInfo.activeProcessorCount) cores, OpenBLAS threads \(GEMM.threadCount)"
    }
}

/// The output a benchmark writes into on every run, freed with its case.
final class OutputBuffer: @unchecked Sendable {
    let pointer: UnsafeMutablePointer<Float>
    init(count: Int) { pointer = .allocate(capacity: count) }
    deinit { pointer.deallocate() }
}

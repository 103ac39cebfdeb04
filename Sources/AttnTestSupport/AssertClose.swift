// The one closeness check of the test suites: |actual - expected| <= atol + rtol * |expected|,
// elementwise, with shapes equal. Reports the worst element so a failure says where it broke.
import AttnEngine
import Testing

public func assertClose(
    _ actual: Tensor, _ expected: Tensor, rtol: Float = 1e-4, atol: Float = 1e-4,
    _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation
) {
    guard actual.shape == expected.shape else {
        Issue.record("\(context): shape \(actual.shape) != expected \(expected.shape)",
                     sourceLocation: sourceLocation)
        return
    }
    var worst = -1
    var worstExcess: Float = 0
    var failures = 0
    for i in 0..<expected.count {
        let a = actual.data[i], b = expected.data[i]
        let excess = abs(a - b) - (atol + rtol * abs(b))
        if excess > 0 || a.isNaN != b.isNaN {
            failures += 1
            if worst < 0 || excess > worstExcess { worst = i; worstExcess = excess }
        }
    }
    if failures > 0 {
        let worstPair = "\(actual.data[worst]) vs expected \(expected.data[worst])"
        Issue.record(
            "\(context): \(failures) of \(expected.count) values differ; worst at flat index \(worst): \(worstPair)",
            sourceLocation: sourceLocation)
    }
}

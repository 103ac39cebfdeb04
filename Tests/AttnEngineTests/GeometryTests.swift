// Output-size and padding arithmetic, and the basics of Tensor itself.
import AttnEngine
import Testing

@Test func tensorFlowSamePaddingPutsTheExtraPixelBottomRight() {
    // 224 -> 112 with a 3x3 stride-2 kernel needs 1 pixel in total: all of it after.
    #expect(Padding2D.tensorFlowSame(inputH: 224, inputW: 224, kernel: (3, 3), stride: (2, 2))
            == Padding2D(top: 0, bottom: 1, left: 0, right: 1))
    // 5x5 stride 2 on 112: total 3, split 1 before and 2 after.
    #expect(Padding2D.tensorFlowSame(inputH: 112, inputW: 113, kernel: (5, 5), stride: (2, 2))
            == Padding2D(top: 1, bottom: 2, left: 2, right: 2))
    // Stride 1 is symmetric for odd kernels.
    #expect(Padding2D.tensorFlowSame(inputH: 15, inputW: 9, kernel: (3, 3), stride: (1, 1)) == .symmetric(1))
}

@Test func windowOutputSizesFollowPyTorch() {
    #expect(WindowGeometry.outputSize(input: 7, kernel: 3, stride: 2, dilation: 1, padBefore: 1, padAfter: 1) == 4)
    #expect(WindowGeometry.outputSize(input: 9, kernel: 3, stride: 1, dilation: 4, padBefore: 4, padAfter: 4) == 9)
    // ceil mode adds a last partial window only where it starts inside the input.
    #expect(WindowGeometry.outputSize(input: 8, kernel: 3, stride: 2, dilation: 1, padBefore: 0, padAfter: 0) == 3)
    #expect(WindowGeometry.outputSize(input: 8, kernel: 3, stride: 2, dilation: 1, padBefore: 0, padAfter: 0,
                                      ceilMode: true) == 4)
    #expect(WindowGeometry.outputSize(input: 2, kernel: 5, stride: 1, dilation: 1, padBefore: 0, padAfter: 0) == 0)
}

@Test func reshapeInfersOneDimensionAndKeepsValues() {
    let t = Tensor(shape: [2, 3, 4], data: (0..<24).map(Float.init))
    let r = t.reshaped([4, -1])
    #expect(r.shape == [4, 6])
    #expect(r.data == t.data)
    #expect(t[1, 2, 3] == 23)
    #expect(t[0, 1, 0] == 4)
}

@Test func reflectionPadMirrorsWithoutRepeatingTheEdge() {
    let row = Tensor(shape: [1, 1, 1, 4], data: [1, 2, 3, 4])
    let padded = pad(row, Padding2D(top: 0, bottom: 0, left: 2, right: 3), mode: .reflect)
    #expect(padded.data == [3, 2, 1, 2, 3, 4, 3, 2, 1])
    let zeros = pad(row, Padding2D(top: 1, bottom: 0, left: 1, right: 0))
    #expect(zeros.shape == [1, 1, 2, 5])
    #expect(zeros.data == [0, 0, 0, 0, 0, 0, 1, 2, 3, 4])
}

@Test func broadcastShapesFollowNumPy() {
    #expect(broadcastShape([2, 3, 4, 5], [3, 1, 1]) == [2, 3, 4, 5])
    #expect(broadcastShape([2, 1, 5], [4, 1]) == [2, 4, 5])
    #expect(broadcastShape([2, 3], [4]) == nil)
}

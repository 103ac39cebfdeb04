// DepthwiseConv: the direct kernel for convolutions with groups == input channels (each output
// channel sees one input channel; a channel multiplier > 1 is allowed). im2col would copy every
// pixel k*k times for a k*k*C GEMM, which is memory-bound. Here each input plane is copied once
// into a zero-padded buffer, split into `stride` column phases (phase p holds padded columns
// p, p+s, ...), so that for every tap the eight outputs of a SIMD lane group read eight contiguous
// inputs, with no edge checks; all taps are summed in registers before one store. Planes are
// independent and are spread over the cores.

func depthwiseConv2d(_ x: Tensor, weight: Tensor, bias: Tensor?, geometry g: WindowGeometry) -> Tensor {
    let (n, cIn, h, w) = x.nchw
    let cOut = weight.shape[0]
    precondition(cOut % cIn == 0, "depthwise conv: \(cOut) outputs are not a multiple of \(cIn) inputs")
    let multiplier = cOut / cIn
    let kh = g.kernelH, kw = g.kernelW, s = g.strideW
    let outH = g.outputH, outW = g.outputW
    let paddedH = h + g.padding.top + g.padding.bottom
    let paddedW = w + g.padding.left + g.padding.right
    // Where tap kx reads: phase (kx*d) % s, shifted by (kx*d) / s columns.
    let tapPhase = (0..<kw).map { ($0 * g.dilationW) % s }
    let tapShift = (0..<kw).map { ($0 * g.dilationW) / s }
    // Wide enough that the last, partial lane group may read whole SIMD vectors (of zeros).
    let phaseW = max((paddedW + s - 1) / s, (outW + 7) / 8 * 8 + tapShift.last!)
    let phaseSize = paddedH * phaseW
    var out = [Float](repeating: 0, count: n * cOut * outH * outW)
    if MultiplyAddCounter.skip(out.count * kh * kw) { return Tensor(shape: [n, cOut, outH, outW], data: out) }
    let groups = UncheckedSendable(laneGroups(outH: outH, outW: outW, strideH: g.strideH, phaseW: phaseW))
    let biasValues = UncheckedSendable(bias?.data)

    x.data.withUnsafeBufferPointer { srcBuffer in
        weight.data.withUnsafeBufferPointer { wtBuffer in
            out.withUnsafeMutableBufferPointer { dstBuffer in
                let src = UncheckedSendable(srcBuffer.baseAddress!), wt = UncheckedSendable(wtBuffer.baseAddress!)
                let dst = UncheckedSendable(dstBuffer.baseAddress!)
                parallelWorkers(limit: n * cIn) { worker, workers in
                    var padded = [Float](repeating: 0, count: s * phaseSize)
                    groups.value.withUnsafeBufferPointer { groupBuffer in
                    padded.withUnsafeMutableBufferPointer { paddedBuffer in
                        let phases = paddedBuffer.baseAddress!
                        for index in stride(from: worker, to: n * cIn, by: workers) {
                            let b = index / cIn, ic = index % cIn
                            fillPaddedPhases(
                                src.value + (b * cIn + ic) * h * w, h: h, w: w, padding: g.padding, stride: s,
                                phaseW: phaseW, phaseSize: phaseSize, into: phases)
                            for m in 0..<multiplier {
                                let oc = ic * multiplier + m
                                depthwisePlane(
                                    phases: UnsafePointer(phases), phaseW: phaseW, phaseSize: phaseSize,
                                    taps: wt.value + oc * kh * kw, kh: kh, kw: kw, tapPhase: tapPhase, tapShift: tapShift,
                                    dilationH: g.dilationH, bias: biasValues.value?[oc] ?? 0,
                                    groups: groupBuffer, output: dst.value + (b * cOut + oc) * outH * outW)
                            }
                        }
                    }
                    }
                }
            }
        }
    }
    return Tensor(shape: [n, cOut, outH, outW], data: out)
}

/// phases[p][y][j] = padded plane at row y, column j*s + p. Only cells of the input are written:
/// the padding cells are the same for every plane of a convolution, so the buffer is zeroed once.
@inline(__always)
private func fillPaddedPhases(
    _ plane: UnsafePointer<Float>, h: Int, w: Int, padding: Padding2D, stride s: Int,
    phaseW: Int, phaseSize: Int, into phases: UnsafeMutablePointer<Float>
) {
    if s == 2 { return fillTwoPhases(plane, h: h, w: w, padding: padding, phaseW: phaseW, phaseSize: phaseSize, into: phases) }
    for p in 0..<s {
        // Input columns ix with (ix + left) % s == p, starting at the first such ix >= 0.
        let first = ((p - padding.left) % s + s) % s
        guard first < w else { continue }
        let count = (w - first + s - 1) / s
        let firstColumn = (first + padding.left) / s
        for iy in 0..<h {
            let from = plane + iy * w + first
            let to = phases + p * phaseSize + (iy + padding.top) * phaseW + firstColumn
            if s == 1 {
                to.update(from: from, count: count)
            } else {
                for j in 0..<count { to[j] = from[j * s] }
            }
        }
    }
}

/// Stride 2: even and odd input columns split sixteen at a time with SIMD shuffles.
@inline(__always)
private func fillTwoPhases(
    _ plane: UnsafePointer<Float>, h: Int, w: Int, padding: Padding2D, phaseW: Int, phaseSize: Int,
    into phases: UnsafeMutablePointer<Float>
) {
    // Input column ix lands in phase (ix + left) % 2 at index (ix + left) / 2.
    let evenPhase = phases + (padding.left % 2) * phaseSize + padding.left / 2
    let oddPhase = phases + ((padding.left + 1) % 2) * phaseSize + (padding.left + 1) / 2
    for iy in 0..<h {
        let row = plane + iy * w
        let rowOffset = (iy + padding.top) * phaseW
        let evens = UnsafeMutableRawPointer(evenPhase + rowOffset), odds = UnsafeMutableRawPointer(oddPhase + rowOffset)
        var ix = 0
        while ix + 16 <= w {
            let v = UnsafeRawPointer(row + ix).loadUnaligned(as: SIMD16<Float>.self)
            evens.storeBytes(of: v.evenHalf, toByteOffset: ix / 2 * 4, as: SIMD8<Float>.self)
            odds.storeBytes(of: v.oddHalf, toByteOffset: ix / 2 * 4, as: SIMD8<Float>.self)
            ix += 16
        }
        while ix < w {
            let target = ix % 2 == 0 ? evenPhase : oddPhase
            target[rowOffset + ix / 2] = row[ix]
            ix += 1
        }
    }
}

/// An 8-wide group of outputs: where its taps read (relative to each tap's base) and where it writes.
struct LaneGroup {
    let source: Int, target: Int, lanes: Int
}

/// The lane groups of an outH x outW plane, row by row; a row's last group may be partial.
func laneGroups(outH: Int, outW: Int, strideH: Int, phaseW: Int) -> [LaneGroup] {
    var groups = [LaneGroup]()
    groups.reserveCapacity(outH * ((outW + 7) / 8))
    for oy in 0..<outH {
        for ox in stride(from: 0, to: outW, by: 8) {
            groups.append(LaneGroup(source: oy * strideH * phaseW + ox, target: oy * outW + ox, lanes: min(8, outW - ox)))
        }
    }
    return groups
}

/// One output plane: out = bias + sum over taps of tap * phases[...], four lane groups at a time so
/// that four independent multiply-add chains hide each other's latency.
@inline(__always)
private func depthwisePlane(
    phases: UnsafePointer<Float>, phaseW: Int, phaseSize: Int, taps: UnsafePointer<Float>, kh: Int, kw: Int,
    tapPhase: [Int], tapShift: [Int], dilationH: Int, bias: Float,
    groups: UnsafeBufferPointer<LaneGroup>, output: UnsafeMutablePointer<Float>
) {
    // Source pointer of each tap for output (0, 0).
    var tapBase = [UnsafePointer<Float>]()
    tapBase.reserveCapacity(kh * kw)
    for ky in 0..<kh {
        for kx in 0..<kw {
            tapBase.append(phases + tapPhase[kx] * phaseSize + ky * dilationH * phaseW + tapShift[kx])
        }
    }
    let tapCount = kh * kw

    @inline(__always) func store(_ acc: SIMD8<Float>, _ group: LaneGroup) {
        if group.lanes == 8 {
            UnsafeMutableRawPointer(output + group.target).storeBytes(of: acc, as: SIMD8<Float>.self)
        } else {
            for lane in 0..<group.lanes { output[group.target + lane] = acc[lane] }
        }
    }

    tapBase.withUnsafeBufferPointer { bases in
        var g = 0
        while g + 4 <= groups.count {
            let g0 = groups[g], g1 = groups[g + 1], g2 = groups[g + 2], g3 = groups[g + 3]
            var acc0 = SIMD8<Float>(repeating: bias), acc1 = acc0, acc2 = acc0, acc3 = acc0
            for t in 0..<tapCount {
                let tap = SIMD8<Float>(repeating: taps[t])
                let base = bases[t]
                acc0 += tap * UnsafeRawPointer(base + g0.source).loadUnaligned(as: SIMD8<Float>.self)
                acc1 += tap * UnsafeRawPointer(base + g1.source).loadUnaligned(as: SIMD8<Float>.self)
                acc2 += tap * UnsafeRawPointer(base + g2.source).loadUnaligned(as: SIMD8<Float>.self)
                acc3 += tap * UnsafeRawPointer(base + g3.source).loadUnaligned(as: SIMD8<Float>.self)
            }
            store(acc0, g0); store(acc1, g1); store(acc2, g2); store(acc3, g3)
            g += 4
        }
        while g < groups.count {
            var acc = SIMD8<Float>(repeating: bias)
            for t in 0..<tapCount {
                acc += SIMD8<Float>(repeating: taps[t])
                    * UnsafeRawPointer(bases[t] + groups[g].source).loadUnaligned(as: SIMD8<Float>.self)
            }
            store(acc, groups[g])
            g += 1
        }
    }
}

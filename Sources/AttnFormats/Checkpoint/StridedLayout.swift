// StridedLayout: where the elements of a (possibly transposed, sliced, offset) tensor view sit in
// its storage, worked out with overflow-checked arithmetic and reduced to the fewest loops: size-1
// dimensions dropped (their stride never moves) and dimensions that run on contiguously merged.
// Every offset the gather computes lies in 0...last, so once `last` is checked against the
// storage the gather can neither overflow nor read outside it, whatever strides the file names.

struct StridedLayout {
    struct Dimension: Equatable {
        var size: Int, stride: Int
    }

    /// The first element's offset in the storage.
    let base: Int
    /// Outermost first, every size at least 2; empty for a single element.
    let dimensions: [Dimension]
    /// Elements in the view (product of the sizes).
    let count: Int
    /// The highest storage offset the view touches; meaningless when count is 0.
    let last: Int

    /// nil when a size, stride or offset is negative or when the element count or the last
    /// offset overflows.
    init?(offset: Int, size: [Int], stride: [Int]) {
        guard size.count == stride.count, offset >= 0, size.allSatisfy({ $0 >= 0 }), stride.allSatisfy({ $0 >= 0 }),
              let count = size.checkedProduct
        else { return nil }
        var last = offset
        var dimensions = [Dimension]()
        if count > 0 {
            for (s, st) in zip(size, stride) where s > 1 {
                guard let reach = (s - 1).checkedMultiplying(st), let next = last.checkedAdding(reach) else { return nil }
                last = next
                dimensions.append(Dimension(size: s, stride: st))
            }
        }
        // Merge an outer dimension into the next inner one when it steps exactly over it (the
        // merged size is at most `count`, so only the span of the inner one needs checking).
        var merged = [Dimension]()
        for d in dimensions.reversed() {
            if let inner = merged.last, let span = inner.size.checkedMultiplying(inner.stride), d.stride == span {
                merged[merged.count - 1] = Dimension(size: d.size * inner.size, stride: inner.stride)
            } else {
                merged.append(d)
            }
        }
        self.base = offset
        self.dimensions = merged.reversed()
        self.count = count
        self.last = last
    }

    /// The storage range a non-empty view reads in order, when it is one (the usual contiguous
    /// tensor).
    var contiguousRange: Range<Int>? {
        guard count > 0 else { return nil }
        switch dimensions.count {
        case 0: return base..<(base + 1)
        case 1 where dimensions[0].stride == 1: return base..<(base + count)
        default: return nil
        }
    }
}

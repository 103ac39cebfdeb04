// CheckedArithmetic: products and sums of numbers read from a file, nil when they overflow, so
// that a hostile size or stride becomes an error message instead of a trap.

extension Array where Element == Int {
    /// The product of the elements, or nil when it (or the product of the non-zero elements, so
    /// that no order of multiplying them overflows either) does not fit an Int.
    var checkedProduct: Int? {
        var product = 1, nonZero = 1
        for value in self {
            let (p, o1) = product.multipliedReportingOverflow(by: value)
            let (n, o2) = nonZero.multipliedReportingOverflow(by: Swift.max(value, 1))
            if o1 || o2 { return nil }
            product = p
            nonZero = n
        }
        return product
    }
}

extension Int {
    /// self + other, or nil on overflow.
    func checkedAdding(_ other: Int) -> Int? {
        let (sum, overflow) = addingReportingOverflow(other)
        return overflow ? nil : sum
    }

    /// self * other, or nil on overflow.
    func checkedMultiplying(_ other: Int) -> Int? {
        let (product, overflow) = multipliedReportingOverflow(by: other)
        return overflow ? nil : product
    }
}

// SafeTensorsLayout: checks that every tensor's data_offsets fit the data section, hold exactly
// its elements, and that no two tensors share bytes, before any element is read.

enum SafeTensorsLayout {
    /// `dataStart` is the file offset of the data section, `dataLength` its size in bytes.
    static func validate(_ entries: [SafeTensorsEntry], dataStart: Int, dataLength: Int) throws {
        func fileOffset(_ relative: Int) -> Int {
            relative > Int.max - dataStart ? Int.max : dataStart + relative
        }
        for entry in entries {
            let name = "tensor \(quotedKey(entry.key)) data_offsets [\(entry.begin), \(entry.end)]"
            if entry.begin > entry.end {
                throw SafeTensorsError(.invalidOffsets, tensor: entry.key, byteOffset: fileOffset(entry.begin),
                                       "\(name) begin after end, at byte offset \(fileOffset(entry.begin))")
            }
            if entry.end > dataLength {
                throw SafeTensorsError(.outOfBounds, tensor: entry.key, byteOffset: fileOffset(entry.end),
                                       "\(name) end beyond the data section (\(dataLength) bytes from byte offset "
                                           + "\(dataStart)), at byte offset \(fileOffset(entry.end))")
            }
            if entry.end - entry.begin != entry.byteCount {
                throw SafeTensorsError(.sizeMismatch, tensor: entry.key, byteOffset: fileOffset(entry.begin),
                                       "\(name) hold \(entry.end - entry.begin) bytes but \(entry.dtype.rawValue) "
                                           + "shape \(shapeText(entry.shape)) needs \(entry.byteCount), "
                                           + "at byte offset \(fileOffset(entry.begin))")
            }
        }
        try checkNoOverlap(entries, fileOffset: fileOffset)
    }

    private static func checkNoOverlap(_ entries: [SafeTensorsEntry], fileOffset: (Int) -> Int) throws {
        // Empty tensors occupy no bytes, so they may sit anywhere, even inside another tensor.
        let byBegin = entries.filter { $0.begin < $0.end }
            .sorted { ($0.begin, $0.key) < ($1.begin, $1.key) }
        // Sorted by begin, if any two ranges overlap then some range overlaps the one just before
        // it, so checking neighbours is enough.
        for (previous, entry) in zip(byBegin, byBegin.dropFirst()) where entry.begin < previous.end {
            throw SafeTensorsError(
                .overlap, tensor: entry.key, byteOffset: fileOffset(entry.begin),
                "tensor \(quotedKey(entry.key)) data_offsets [\(entry.begin), \(entry.end)] overlap tensor "
                    + "\(quotedKey(previous.key)) data_offsets [\(previous.begin), \(previous.end)], "
                    + "at byte offset \(fileOffset(entry.begin))")
        }
    }
}

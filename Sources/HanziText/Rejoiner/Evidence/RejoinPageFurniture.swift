import HanziCore

/// Page furniture that an extractor puts into the text stream: page numbers (folios) and
/// running heads. Such a line is a paragraph of its own, never glued to the text around
/// it, and the decisions around it look through it (see ``ColumnRejoiner/Stream``).
///
/// A line is a folio when it is, spaces aside, one of
/// - a number of at most four digits, optionally between dashes or dots: `3`, `- 2 -`,
///   `— 12 —`, `· 4 ·`;
/// - a page count: `2 / 10`, `2/10`;
/// - a page or edition mark: `第 2 版`, `第2页`, `第十二版`, `第 3 頁`, `Page 3`;
/// - a running head that ends in an edition mark after a space:
///   `人民日报 2024年7月7日 星期日 要闻 第 2 版`.
///
/// A short line between two folio lines (`2` / `人民日报 … 要闻` / `第 2 版`) is a running
/// head too; the stream decides that from the neighbours.
enum RejoinPageFurniture {
    /// The longest line (in non-space scalars) that may be a running head ending in an
    /// edition mark.
    static let maxHeadScalars = 40

    /// Whether the non-space scalars `h` of a line (all of them) make a folio line.
    static func isFolio(_ h: UnsafeBufferPointer<UInt32>) -> Bool {
        let n = h.count
        guard n > 0 else { return false }
        var i = 0, j = n
        // dashes or dots around the number
        while i < j && isDecoration(h[i]) { i += 1 }
        while j > i && isDecoration(h[j - 1]) { j -= 1 }
        if i > 0 && j == n { return false }      // `- 2` is a list item or a minus
        if i == 0 && j < n { return false }
        // N, N/M
        var d = i
        while d < j && ScalarClass.isASCIIDigit(h[d]) { d += 1 }
        if d > i && d - i <= 4 {
            if d == j { return true }
            if i == 0 && (h[d] == 0x2F || h[d] == 0xFF0F) {
                var e = d + 1
                while e < j && ScalarClass.isASCIIDigit(h[e]) { e += 1 }
                return e == j && e > d + 1 && e - d - 1 <= 4
            }
            return false
        }
        // Page N
        if i == 0 && n >= 5 && n <= 8 && (h[0] == 0x50 || h[0] == 0x70) && h[1] == 0x61 && h[2] == 0x67 && h[3] == 0x65 {
            var e = 4
            while e < n && ScalarClass.isASCIIDigit(h[e]) { e += 1 }
            return e == n && e > 4
        }
        return i == 0 && j == n && editionMarkLength(h) == n
    }

    /// The number of scalars of an edition mark `第 N 版` / `第N页` / `第 N 頁` at the end of
    /// `h`, or 0.
    static func editionMarkLength(_ h: UnsafeBufferPointer<UInt32>) -> Int {
        let n = h.count
        guard n >= 3, isPageWord(h[n - 1]) else { return 0 }
        var k = n - 2
        let end = k
        while k >= 0 && (ScalarClass.isASCIIDigit(h[k]) || RejoinClass.isChineseNumeral(h[k])) && end - k < 4 { k -= 1 }
        guard k < end, k >= 0, h[k] == 0x7B2C else { return 0 }
        return n - k
    }

    /// `版`, `页`, `頁`.
    @inline(__always)
    static func isPageWord(_ v: UInt32) -> Bool { v == 0x7248 || v == 0x9875 || v == 0x9801 }

    @inline(__always)
    static func isDecoration(_ v: UInt32) -> Bool {
        v == 0x2D || v == 0x2013 || v == 0x2014 || v == 0x2015 || v == 0xB7 || v == 0x30FB || v == 0x2022
            || v == 0xFF0D
    }

    /// Whether the line `p[s..<e]` (its content, white space trimmed at both ends) is page
    /// furniture; `scalars` is its number of non-space scalars and `last` its last one.
    /// Cheap for ordinary lines: only short lines and lines ending in `版页頁` are read.
    static func isFurnitureLine(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, scalars: Int, last: UInt32) -> Bool {
        let pageWordEnd = isPageWord(last)
        if !pageWordEnd && !ScalarClass.isASCIIDigit(last) && !isDecoration(last) { return false }
        guard scalars <= maxHeadScalars else { return false }
        return withUnsafeTemporaryAllocation(of: UInt32.self, capacity: maxHeadScalars) { buffer in
            let h = buffer.baseAddress!
            var count = 0
            var i = s
            while i < e && count < maxHeadScalars {
                let (v, n) = UTF8Codec.decode(p, i, e)
                i += n
                if ScalarClass.isHorizontalSpace(v) || v == 0x0B { continue }
                h[count] = v
                count += 1
            }
            let all = UnsafeBufferPointer(start: h, count: count)
            if count <= 12 && isFolio(all) { return true }
            if !pageWordEnd {
                // a running head ending in a folio between dashes after a space (`Debian常见问题 -1-`)
                var k = count
                while k > 0 && isDecoration(h[k - 1]) { k -= 1 }
                let decoratedAfter = k < count
                var d = k
                while d > 0 && ScalarClass.isASCIIDigit(h[d - 1]) { d -= 1 }
                let digitsEnd = k
                while d > 0 && isDecoration(h[d - 1]) { d -= 1 }
                guard decoratedAfter, digitsEnd > d, d >= 2, count - d <= 8,
                      !(0..<d).contains(where: { ScalarClass.isCJKPunctuation(h[$0]) || (h[$0] < 0x80 && !RejoinClass.isAlnum(h[$0])) })
                else { return false }
                return spaceBefore(p, from: s, to: e, scalarIndex: d)
            }
            // a running head ending in an edition mark after a space
            guard count > 3 else { return false }
            let mark = editionMarkLength(all)
            guard mark > 0 else { return false }
            // the mark must begin a token of its own: a space before `第`
            let markStart = count - mark
            return spaceBefore(p, from: s, to: e, scalarIndex: markStart)
        }
    }

    /// Whether a space precedes the non-space scalar number `index` of `p[s..<e]`.
    static func spaceBefore(_ p: UnsafePointer<UInt8>, from s: Int, to e: Int, scalarIndex index: Int) -> Bool {
        var i = s, count = 0, space = false
        while i < e {
            let (v, n) = UTF8Codec.decode(p, i, e)
            i += n
            if ScalarClass.isHorizontalSpace(v) || v == 0x0B { space = true; continue }
            if count == index { return space }
            space = false
            count += 1
        }
        return false
    }
}

/// Page-furniture decisions over a window of measured lines.
extension RejoinPageFurniture {
    /// Whether `ls[k]` is page furniture: a folio line (``RejoinPageFurniture``), a short line
    /// between two folio lines (a running head: `2` / `人民日报 … 要闻` / `第 2 版`), or a
    /// repeated short line next to a folio or a page break (``RejoinLine/repeatsAsHead``).
    /// Not in text set one character per line, where a digit may stand alone.
    ///
    /// Asked for the lines around every break: the answer for most lines (no furniture by its
    /// content, no repeated head, no folio line before it) is given in line, the rest by
    /// ``isFurnitureOrHead(_:_:)``.
    @inline(__always)
    static func isFurniture(_ ls: UnsafeBufferPointer<RejoinLine>, _ k: Int) -> Bool {
        guard k < ls.count, let base = ls.baseAddress else { return false }
        let l = UnsafePointer(base + k)
        if !l.pointee.isFurniture && !l.pointee.repeatsAsHead && !(k > 0 && base[k - 1].isFurniture) { return false }
        return isFurnitureOrHead(ls, k)
    }

    /// ``isFurniture(_:_:)`` for a line `ls[k]` that is furniture by its content, a repeated
    /// head, or follows such a line.
    static func isFurnitureOrHead(_ ls: UnsafeBufferPointer<RejoinLine>, _ k: Int) -> Bool {
        guard k < ls.count, let base = ls.baseAddress else { return false }
        let l = UnsafePointer(base + k)
        if l.pointee.isFurniture {
            if l.pointee.isSingleCharacter
                && ((k > 0 && base[k - 1].isSingleCharacter) || (k + 1 < ls.count && base[k + 1].isSingleCharacter)) {
                return false
            }
            return true
        }
        if l.pointee.repeatsAsHead {
            // a repeated short line next to a page number or a page break, or ending in its
            // own page number (`道德经选读 2`)
            return (k > 0 && (base[k - 1].isFurniture || base[k - 1].pageAfter)) || l.pointee.pageAfter
                || (k + 1 < ls.count && base[k + 1].isFurniture)
                || (ScalarClass.isASCIIDigit(l.pointee.last) && l.pointee.lastTokenScalars <= 4
                    && l.pointee.firstTokenScalars + l.pointee.lastTokenScalars == l.pointee.scalars)
        }
        return k > 0 && k + 1 < ls.count && base[k - 1].isFurniture && base[k + 1].isFurniture
            && l.pointee.end != .final && l.pointee.scalars <= RejoinPageFurniture.maxHeadScalars
            && !base[k - 1].isSingleCharacter
    }

    static func isFurnitureAt(_ lines: [RejoinLine], _ k: Int, limit: Int) -> Bool {
        lines.withUnsafeBufferPointer { isFurniture(UnsafeBufferPointer(rebasing: $0[0..<min($0.count, limit)]), k) }
    }

    /// The first text line after `ls[k]` that is not page furniture, in place.
    static func nextText(_ ls: UnsafeBufferPointer<RejoinLine>, after k: Int) -> UnsafePointer<RejoinLine>? {
        var j = k + 1
        while j < ls.count && isFurniture(ls, j) { j += 1 }
        guard j < ls.count, let base = ls.baseAddress else { return nil }
        return UnsafePointer(base + j)
    }
}

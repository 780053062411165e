import Testing
@testable import HanziText

@Suite struct ScalarClassTests {
    @Test func hanAndCJK() {
        for s in "汉字漢字〇々𠀀" .unicodeScalars where s != " " {
            #expect(ScalarClass.isHan(s.value), "\(s)")
        }
        for s in "Aa1，。" .unicodeScalars where s != " " {
            #expect(!ScalarClass.isHan(s.value), "\(s)")
        }
        for s in "，。；：？！（）《》「」『』、“”…—·" .unicodeScalars where s != " " {
            #expect(ScalarClass.isCJKPunctuation(s.value), "\(s)")
        }
        for s in ",.;:?!()\"'-" .unicodeScalars {
            #expect(!ScalarClass.isCJKPunctuation(s.value), "\(s)")
        }
    }

    @Test func kanaPunctuationIsNotALetter() {
        #expect(ScalarClass.isCJKLetter(("カ" as Unicode.Scalar).value))
        #expect(!ScalarClass.isCJKLetter(("・" as Unicode.Scalar).value))
        #expect(!ScalarClass.isCJKLetter(("゠" as Unicode.Scalar).value))
        #expect(ScalarClass.isCJKPunctuation(("・" as Unicode.Scalar).value))
    }

    @Test func displayWidth() {
        #expect(ScalarClass.displayWidth(("汉" as Unicode.Scalar).value) == 2)
        #expect(ScalarClass.displayWidth(("，" as Unicode.Scalar).value) == 2)
        #expect(ScalarClass.displayWidth(("Ａ" as Unicode.Scalar).value) == 2)
        #expect(ScalarClass.displayWidth(("A" as Unicode.Scalar).value) == 1)
        #expect(ScalarClass.displayWidth(("“" as Unicode.Scalar).value) == 2)
        #expect(ScalarClass.displayWidth(("“" as Unicode.Scalar).value, ambiguousIsWide: false) == 1)
        #expect(ScalarClass.displayWidth(0x301) == 0)
    }

    @Test func spaces() {
        #expect(ScalarClass.isHorizontalSpace(0x3000))
        #expect(ScalarClass.isHorizontalSpace(0x20))
        #expect(!ScalarClass.isHorizontalSpace(0x0A))
        #expect(ScalarClass.isLineBreak(0x0C))
        #expect(ScalarClass.isASCIILetter(0x5A) && ScalarClass.isASCIILetter(0x7A))
        #expect(!ScalarClass.isASCIILetter(0x40) && !ScalarClass.isASCIILetter(0x5B))
        #expect(ScalarClass.isASCIIDigit(0x30) && !ScalarClass.isASCIIDigit(0x2F))
    }
}

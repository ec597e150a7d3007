/// Converts between GuideKit's columns (1-based, counted in Unicode scalars) and LSP's
/// characters (0-based, counted in UTF-16 code units) on one line of text. A scalar outside
/// the Basic Multilingual Plane (an emoji) is one GuideKit column and two LSP characters.
public enum UTF16Columns {
    /// The LSP character of a 1-based scalar column on `line`; past the end of the line,
    /// each missing scalar counts one unit (GuideKit may point just after the last one).
    public static func character(ofScalarColumn column: Int, in line: Substring) -> Int {
        var units = 0
        var scalars = 0
        let wanted = max(0, column - 1)
        for scalar in line.unicodeScalars {
            if scalars == wanted { return units }
            units += scalar.utf16.count
            scalars += 1
        }
        return units + (wanted - scalars)
    }

    /// The 1-based scalar column of an LSP character on `line`. A character inside a
    /// surrogate pair rounds down to its scalar; past the end of the line it is the line's
    /// end (as the protocol asks: "defaults back to the line length").
    public static func scalarColumn(ofCharacter character: Int, in line: Substring) -> Int {
        var units = 0
        var scalars = 0
        for scalar in line.unicodeScalars {
            let width = scalar.utf16.count
            if units + width > character { break }
            units += width
            scalars += 1
        }
        return scalars + 1
    }
}

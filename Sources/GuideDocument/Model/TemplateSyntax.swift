/// Values a reader or a tool fills in — `${VAR}`, `{{ .Values.x }}`, `{baseUrl}`,
/// `<client id>` — which no check can compare and no render may rewrite.
public enum TemplateSyntax {
    public static func isTemplated(_ value: String) -> Bool {
        // Bytes, not Foundation's string search: every rule asks this of every setting.
        let bytes = value.utf8
        guard let first = bytes.first else { return false }
        if first == UInt8(ascii: "<") || first == UInt8(ascii: "$") { return true }
        return bytes.containsByte(UInt8(ascii: "{")) && (bytes.containsByte(UInt8(ascii: "}")) || value.containsLiteral("${")
            || value.containsLiteral("{{"))
    }
}

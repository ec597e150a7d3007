/// Values a reader or a tool fills in — `${VAR}`, `{{ .Values.x }}`, `{baseUrl}`,
/// `<client id>` — which no check can compare and no render may rewrite.
public enum TemplateSyntax {
    public static func isTemplated(_ value: String) -> Bool {
        value.contains("${") || value.contains("{{") || value.hasPrefix("<") || value.hasPrefix("$")
            || (value.contains("{") && value.contains("}"))
    }
}

/// A list of OAuth scopes as applications write it: separated by spaces, commas or `+`
/// (`openid profile`, `openid,profile`, `openid+profile`).
enum ScopeList {
    static func split(_ value: String) -> [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "+" })
    }
}

/// A list of OAuth scopes as applications write it: separated by spaces, commas or `+`
/// (`openid profile`, `openid,profile`, `openid+profile`).
package enum ScopeList {
    package static func split(_ value: String) -> [Substring] {
        value.split(whereSeparator: { $0 == " " || $0 == "," || $0 == "+" })
    }
}

import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// What a site value may contain, by the role it plays. Site values are pasted into shell
/// commands, `.env` files, Proxmox's `domains.cfg`, YAML, URLs and HTML; each role has a
/// closed set of characters none of those formats treats specially — no quotes, `$`, `;`,
/// `&`, `|`, `(`, `)`, `#`, `~`, `*`, `?`, backslash, space or control character — and none
/// may start with `-` (a command would read it as an option). A value that fits its role needs
/// no quoting anywhere; one that does not is refused with the reason.
public enum SiteValueRules {
    public enum Role: Sendable, Equatable {
        case url, clientID, clientSecret, realm, text
    }

    public static func role(of kind: AssumptionKind?) -> Role {
        switch kind {
        case .applicationRootURL, .autheliaRootURL: .url
        case .clientID: .clientID
        case .clientSecret: .clientSecret
        case .realm: .realm
        case nil: .text
        }
    }

    /// `nil` when `value` fits `role`, else why not (for the message).
    public static func problem(with value: String, as role: Role) -> String? {
        guard !value.isEmpty else { return "the value is empty" }
        if let control = value.unicodeScalars.first(where: { $0.properties.generalCategory == .control }) {
            return "the control character '\(control.escaped(asASCII: true))' is not allowed"
        }
        switch role {
        case .url: return urlProblem(value)
        case .clientID:
            guard value.unicodeScalars.count <= 100 else { return "a client id has at most 100 characters" }
            return wordProblem(value, what: "a client id")
        case .clientSecret:
            guard value.unicodeScalars.count >= 8 else { return "a client secret needs at least 8 characters (better: 'generate')" }
            guard value.unicodeScalars.count <= 1024 else { return "a client secret has at most 1024 characters" }
            // RFC 3986 unreserved characters, every one GuideKit has ever generated (`~`
            // included: shell commands quote it); not a leading '-' (read as an option).
            // The position, never the character: messages must not reveal a secret.
            if let bad = value.unicodeScalars.firstIndex(where: { !$0.isUnreserved }) {
                let position = value.unicodeScalars.distance(from: value.unicodeScalars.startIndex, to: bad) + 1
                return "a client secret may use only A-Z a-z 0-9 . _ - ~ (character \(position) is another)"
            }
            if value.hasPrefix("-") { return "a client secret must not start with '-' (a command would read it as an option)" }
            return nil
        case .realm:
            guard AssumptionValue.isRealm(value) else {
                return "'\(value)' is not a valid realm: a letter, then letters, digits, '.', '-' or '_', 2 to 32 characters"
            }
            return nil
        case .text:
            return wordProblem(value, what: "this value")
        }
    }

    private static func wordProblem(_ value: String, what: String) -> String? {
        if let bad = value.unicodeScalars.first(where: { !$0.isSafeWordCharacter }) {
            return "\(what) may use only A-Z a-z 0-9 . _ - (not '\(bad.escaped(asASCII: true))': shells, .env files or URLs give it a meaning)"
        }
        if value.hasPrefix("-") { return "\(what) must not start with '-' (a command would read it as an option)" }
        return nil
    }

    /// The URL with an internationalised host in its ASCII (IDNA) form and non-ASCII path
    /// characters percent-encoded as UTF-8; an ASCII URL is returned as it is.
    public static func asciiURL(_ value: String) -> Result<String, IDNAError> {
        guard !value.unicodeScalars.allSatisfy(\.isASCII) || value.lowercased().containsLiteral("xn--"),
              let schemeEnd = value.literalRange(of: "://") else { return .success(value) }
        let rest = value[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(where: { $0 == "/" || $0 == "?" || $0 == "#" }) ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        guard !authority.containsLiteral("@") else { return .success(value) }  // refused by urlProblem
        let hostEnd = authority.lastIndex(of: ":") ?? authority.endIndex
        let host: String
        switch IDNA.asciiHost(String(authority[..<hostEnd])) {
        case .success(let ascii): host = ascii
        case .failure(let error): return .failure(IDNAError(message: "the host '\(authority[..<hostEnd])': \(error.message)"))
        }
        var path = ""
        for scalar in rest[authorityEnd...].unicodeScalars {
            if scalar.isASCII { path.unicodeScalars.append(scalar); continue }
            for byte in String(scalar).utf8 { path += String(format: "%%%02X", byte) }
        }
        return .success(String(value[..<schemeEnd.upperBound]) + host + String(authority[hostEnd...]) + path)
    }

    /// `https://host[:port][/path]`: an ASCII host of letters, digits, `-` and `.`; a port of
    /// digits; a path of letters, digits, `.`, `_`, `-`, `/` and `%XX` escapes; no user,
    /// query or fragment (the application would not send them, and they would be dropped).
    private static func urlProblem(_ value: String) -> String? {
        let scalars = Array(value.unicodeScalars)
        guard let schemeEnd = value.literalRange(of: "://") else { return "'\(value)' is not an absolute URL such as 'https://app.example.com/'" }
        let scheme = value[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "https" || scheme == "http" else { return "use an https URL (not '\(scheme)')" }
        if let nonASCII = scalars.first(where: { !$0.isASCII }) {
            // Site files are converted first (`asciiURL`); this is for values given otherwise.
            return "write the URL in its ASCII form (IDNA 'xn--…' host, %XX path): '\(nonASCII.escaped(asASCII: true))' is not ASCII, and the application sends the ASCII form"
        }
        let rest = value[schemeEnd.upperBound...]
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        let path = rest[authorityEnd...]
        if authority.containsLiteral("@") { return "a URL with a user name or password ('…@') is not accepted" }
        if value.containsLiteral("?") || value.containsLiteral("#") { return "a URL with a query ('?') or fragment ('#') is not accepted" }
        var host = Substring(authority)
        var portPart: Substring?
        if authority.hasPrefix("["), let close = authority.firstIndex(of: "]") {
            // An IPv6 literal: its colons are not the port's.
            let literal = String(authority[authority.index(after: authority.startIndex)..<close])
            var address = in6_addr()
            guard inet_pton(AF_INET6, literal, &address) == 1 else { return "the host '\(authority[...close])' is not an IPv6 address" }
            let after = authority[authority.index(after: close)...]
            guard after.isEmpty || after.hasPrefix(":") else { return "the host '\(authority)' has text after its IPv6 address" }
            if !after.isEmpty { portPart = after.dropFirst() }
            host = ""
        } else if let colon = authority.firstIndex(of: ":") {
            host = authority[..<colon]
            portPart = authority[authority.index(after: colon)...]
        }
        if let port = portPart {
            guard let number = Int(port), (1...65535).contains(number), port.allSatisfy(\.isASCII) else {
                return "the port '\(port)' is not a number from 1 to 65535"
            }
        }
        guard authority.hasPrefix("[") || (!host.isEmpty && host.unicodeScalars.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" || $0 == "." })
              && !host.hasPrefix("-") && !host.hasPrefix(".") && !host.containsLiteral("..")) else {
            return "the host '\(host)' may use only letters, digits, '-' and '.'"
        }
        var index = path.unicodeScalars.startIndex
        let pathScalars = path.unicodeScalars
        while index < pathScalars.endIndex {
            let scalar = pathScalars[index]
            if scalar == "%" {
                let digits = pathScalars[pathScalars.index(after: index)...].prefix(2)
                guard digits.count == 2, digits.allSatisfy(\.isASCIIHexDigit) else { return "'%' in the path must start a %XX escape" }
                index = pathScalars.index(index, offsetBy: 3)
                continue
            }
            guard scalar.isSafeWordCharacter || scalar == "/" else {
                return "the path may use only A-Z a-z 0-9 . _ - / and %XX escapes (not '\(scalar.escaped(asASCII: true))')"
            }
            index = pathScalars.index(after: index)
        }
        return nil
    }
}

import Foundation

/// Hugo shortcodes and site-relative links of the upstream Authelia guides, turned into plain
/// Markdown with the same meaning when a guide is rendered (docs/SITES.md lists each with its
/// count in the upstream corpus). Outside Hugo a shortcode means nothing: left alone it shows
/// as `{{< … >}}` in `guide.md` and vanishes from the HTML, leaving headings empty.
///
/// `sitevar` is resolved earlier, when the guide is read (`PreparedSource`). Everything else
/// is handled here, line by line, outside fenced code:
/// - `sitevar-preferences` (the website's picker for those variables) → a sentence saying the
///   values are already this site's;
/// - `oidc-common` (notes shared by all OpenID Connect guides) → a note linking to them;
/// - `oidc-escape-hatch-claims-hydration` → what the escape hatch is for, linking to Authelia's
///   claims policies;
/// - `callout` … `/callout` → a block quote with the callout's title in bold;
/// - `figure` → an image linking to the published picture;
/// - any other shortcode → a visible note naming it, never silently dropped.
/// (Relative links are made absolute before, with the other edits of a render:
/// `SubstitutionPlan.planLinks`.)
package enum UpstreamShortcodes {
    /// Where the upstream integration guides are published; a guide `NAME.md` is the page
    /// `clients/NAME/` (a Hugo page bundle holding its pictures).
    static let site = "https://www.authelia.com"
    static let clientsPath = "/integration/openid-connect/clients/"

    /// A shortcode on a line: its name (`callout`, `/callout`) and `key="value"` attributes.
    package struct Shortcode: Equatable {
        package var name: String
        package var attributes: [String: String]
        package var range: Range<String.Index>
    }

    /// The shortcodes of `line` (`{{< name … >}}` and `{{% name … %}}`).
    package static func shortcodes(in line: Substring) -> [Shortcode] {
        var found: [Shortcode] = []
        var rest = line[...]
        while let open = rest.literalRange(of: "{{") {
            let after = rest[open.upperBound...]
            guard let marker = after.first, marker == "<" || marker == "%",
                  let close = after.literalRange(of: marker == "<" ? ">}}" : "%}}") else { break }
            let body = after[after.index(after: after.startIndex)..<close.lowerBound].trimmingSpaces()
            let nameEnd = body.firstIndex { $0 == " " || $0 == "\t" } ?? body.endIndex
            found.append(Shortcode(name: String(body[..<nameEnd]), attributes: attributes(body[nameEnd...]),
                                   range: open.lowerBound..<close.upperBound))
            rest = after[close.upperBound...]
        }
        return found
    }

    static func attributes(_ text: Substring) -> [String: String] {
        var result: [String: String] = [:]
        var rest = text
        while let equals = rest.firstIndex(of: "=") {
            let key = rest[..<equals].trimmingSpaces()
            var value = rest[rest.index(after: equals)...]
            guard let quote = value.first, quote == "\"" || quote == "'" else { break }
            value = value.dropFirst()
            guard let end = value.firstIndex(of: quote) else { break }
            result[String(key)] = String(value[..<end])
            rest = value[value.index(after: end)...]
        }
        return result
    }

    /// The guide's Markdown with every shortcode outside code expanded. `clientIDs` maps the guide's example client ids to the site's.
    /// - Parameter neededClaims: the claims the application always reads (its profile), for
    ///   an escape hatch that names none: the policy written out lists them.
    package static func expand(_ text: String, guide: String, site siteName: String, clientIDs: [String: String] = [:],
                       generatedSecret: Bool = false, neededClaims: [String] = []) -> String {
        let page = site + clientsPath + guide + "/"
        var output: [String] = []
        var fence: Substring?
        var inCallout = false
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine
            let trimmed = line.drop { $0 == " " || $0 == "\t" || $0 == ">" }
            if let open = fence {
                if trimmed.hasPrefix(open), trimmed.allSatisfy({ $0 == open.first || $0 == " " }) { fence = nil }
                output.append((inCallout ? "> " : "") + String(line))
                continue
            }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") {
                fence = trimmed.prefix { $0 == trimmed.first }
                output.append((inCallout ? "> " : "") + String(line))
                continue
            }
            let lineText = String(line)
            let codes = shortcodes(in: lineText[...])
            guard !codes.isEmpty else {
                output.append((inCallout ? "> " : "") + String(line))
                continue
            }
            var before: [String] = []
            var after: [String] = []
            var pieces: [String] = []
            var cursor = lineText.startIndex
            for code in codes {
                let replacement: String
                switch code.name {
                case "sitevar-preferences":
                    replacement = "_The values in this guide are already those of the site **\(siteName)**: nothing to choose or replace._"
                case "oidc-common":
                    var note = "> **Note:** the [common notes for every OpenID Connect integration](\(site)/integration/openid-connect/introduction/) apply to this guide too"
                    if let bugs = code.attributes["bugs"], !bugs.isEmpty {
                        note += "; this application has known issues with: \(bugs.replacingOccurrences(of: ",", with: ", ")) (explained there)"
                    }
                    if generatedSecret {
                        note += ". The client secret in this guide was generated for this site and is kept in `secrets.txt` beside this page (readable only by you); the upstream example secret is not used"
                    }
                    replacement = note + "."
                case escapeHatch:
                    let names = claims(of: code) ?? neededClaims
                    let claims = names.isEmpty ? nil : names.map { "`\($0)`" }.joined(separator: ", ")
                    let client = code.attributes["client_id"].map { clientIDs[$0] ?? $0 }
                    var note = "If the application does not read the user's claims from the userinfo endpoint, Authelia can put them into the ID token with a [claims policy](\(site)/configuration/identity-providers/openid-connect/provider/#claims_policies)"
                    if let client { note += " for client `\(client)`" }
                    if let claims { note += " (claims \(claims))" }
                    // With the client and its claims named, the configuration is written out:
                    // the reader can copy it, and the rendered guide checks as the page reads.
                    if let client, !names.isEmpty, names.allSatisfy(isClaimName), client.allSatisfy(isClientIDCharacter) {
                        replacement = note + ":"
                        after = ["", "```yaml {title=\"configuration.yml\"}", "identity_providers:", "  oidc:", "    claims_policies:",
                                 "      \(client):", "        id_token:"] + names.map { "          - '\($0)'" }
                            + ["    clients:", "      - client_id: '\(client)'", "        claims_policy: '\(client)'", "```"]
                    } else {
                        replacement = note + "; [the upstream guide](\(page)) shows the configuration."
                    }
                case "callout":
                    let title = code.attributes["title"] ?? code.attributes["context"]?.capitalized ?? "Note"
                    inCallout = true
                    before.append("> **\(title)**")
                    replacement = ">"
                case "/callout":
                    inCallout = false
                    replacement = ""
                case "figure":
                    let source = code.attributes["src"] ?? ""
                    let alt = code.attributes["alt"] ?? "Figure"
                    replacement = "![\(alt.replacingOccurrences(of: "]", with: ""))](\(resolve(source, page: page)))"
                default:
                    replacement = "_(The upstream page shows `\(code.name)` here, a Hugo shortcode that has no meaning outside the website: see [the upstream guide](\(page)).)_"
                }
                pieces.append(String(lineText[cursor..<code.range.lowerBound]) + replacement)
                cursor = code.range.upperBound
            }
            let expanded = pieces.joined() + lineText[cursor...]
            let lines = before + [expanded]
            for text in lines {
                let trimmedText = text.trimmingCharacters(in: .whitespaces)
                if trimmedText.isEmpty && codes.allSatisfy({ $0.name == "/callout" }) { output.append(""); continue }
                output.append((inCallout && !text.hasPrefix(">") ? "> " : "") + text)
            }
            output += after.map { (inCallout ? "> " : "") + $0 }
        }
        return output.joined(separator: "\n")
    }

    /// The escape hatch of the upstream guides: a claims policy for applications that read
    /// the ID token (`client_id="app" claims="email,groups"`).
    package static let escapeHatch = "oidc-escape-hatch-claims-hydration"

    /// The claims a shortcode's `claims` attribute lists, nil without one.
    package static func claims(of code: Shortcode) -> [String]? {
        code.attributes["claims"].map { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
    }

    /// A claim name as Authelia's claims use them (`email`, `preferred_username`).
    static func isClaimName(_ name: String) -> Bool {
        !name.isEmpty && name.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0) || $0 == "_" }
    }

    /// The characters Authelia allows in a client id (its validator's `client_id` rule).
    static func isClientIDCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber || "._~-".contains(character))
    }

    /// A picture of the page `page` (a Hugo page bundle `…/clients/NAME/`, the `figure`
    /// shortcode's `src`) as an absolute URL: a file resolves inside the bundle, as the browser
    /// resolves it from the published page. (Links to pages are made absolute when the
    /// guide is rendered, as Hugo resolves them: `SubstitutionPlan.planLinks`, `DocsTree`.)
    static func resolve(_ target: String, page: String) -> String {
        if target.hasPrefix("/") { return site + target }
        let fragmentStart = target.firstIndex(of: "#") ?? target.endIndex
        var path = String(target[..<fragmentStart])
        let fragment = target[fragmentStart...]
        let isPage = path.hasSuffix(".md")
        var base = page.dropFirst(site.count).split(separator: "/").map(String.init)
        if isPage { base.removeLast() }
        if isPage { path = String(path.dropLast(3)) }
        var parts = base
        for component in path.split(separator: "/", omittingEmptySubsequences: true) {
            switch component {
            case ".": continue
            case "..": if !parts.isEmpty { parts.removeLast() }
            default: parts.append(String(component))
            }
        }
        if isPage, parts.last == "index" || parts.last == "_index" { parts.removeLast() }
        let joined = site + "/" + parts.joined(separator: "/")
        return joined + (isPage ? "/" : "") + fragment
    }
}

/// The sentence a guide uses to warn against its example secret ("Do not use the example
/// client secret. Generate your own…"), rewritten once a fresh secret was generated: the
/// warning no longer applies, where the secret is kept does.
package enum SecretNotice {
    static func isWarning(_ line: Substring) -> Bool {
        let lower = line.lowercased()
        guard lower.containsLiteral("secret") else { return false }
        return ["do not use the example", "don't use the example", "generate your own", "example secret", "example client secret"]
            .contains { lower.containsLiteral($0) }
    }

    /// `text` with each prose warning (and the indented lines continuing it) replaced.
    package static func replacingWarnings(in text: String, site: String) -> String {
        var output: [Substring] = []
        var fence = false
        var skippingIndent: Int?
        let notice = "The client secret of this guide was generated for site **\(site)**: it is in `secrets.txt` beside this page, readable only by you, with its digest. Keep it there or in your secret store."
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if trimmed.hasPrefix("```") || trimmed.hasPrefix("~~~") { fence.toggle() }
            let indent = line.count - trimmed.count
            if let skip = skippingIndent {
                if !trimmed.isEmpty, indent > skip, !fence { continue }
                skippingIndent = nil
            }
            guard !fence, isWarning(line) else { output.append(line); continue }
            // Keep the list marker (or the quote) and its indentation; the text is replaced.
            var marker = ""
            if let first = trimmed.first, "-*+".contains(first), trimmed.dropFirst().first == " " { marker = String(first) + " " }
            output.append(Substring(String(line.prefix(indent)) + marker + notice))
            skippingIndent = indent
        }
        return output.joined(separator: "\n")
    }
}

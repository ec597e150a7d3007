import Foundation
import SecretDigests
import GuideChecks
import GuideDocument
import GuideKnowledge

/// Works out every edit that turns a guide's example values into a site's (see
/// `GuideRenderer` for the rules). Structural edits are planned before token edits, and
/// `TextEdit.apply` keeps the first of two overlapping edits, so structure wins.
struct SubstitutionPlan {
    struct PlanError: Error { var message: String }

    let guide: Guide
    let site: Site
    // Settable by the extensions that post-process edits (ShellQuotedEdits.swift).
    var edits: [TextEdit] = []
    private(set) var replacements = Replacements()
    private(set) var warnings: [String] = []
    private(set) var newValues: [AssumptionKey: String] = [:]
    private(set) var newSecret: String?
    private(set) var newDigest: String?
    private(set) var generatedSecret = false
    /// The secret came from the site state (generated or imported earlier).
    private(set) var keptSecret = false

    init(guide: Guide, site: Site) {
        self.guide = guide
        self.site = site
    }

    func newValue(_ kind: AssumptionKind) -> String? { newValues[AssumptionKey(kind)] }

    var oldClientID: String? { guide.assumption(.clientID)?.value?.text }
    /// The guide's example secret: its Client Secret assumption, else the secret a comment
    /// beside the client's digest names (`# The digest of 'insecure_secret'.`).
    var oldSecret: String? {
        if let stated = guide.assumption(.clientSecret)?.value?.text { return stated }
        for client in guide.clients where applies(to: client) {
            if let node = client.clientSecret, let secret = SecretStatement.commentSecret(in: guide.source.originalLine(node.location.line)) {
                return secret
            }
        }
        return nil
    }

    // MARK: Assumptions

    mutating func planAssumptions() throws(PlanError) {
        let guideDomain = Self.exampleDomain(of: guide)
        if let guideDomain, let domain = site.domain?.text { replacements.domain = (guideDomain, domain) }
        for assumption in guide.assumptions where assumption.kind != .clientSecret {
            guard let raw = assumption.rawValue else { continue }
            let label = assumption.kind?.rawValue ?? assumption.label.value
            let key = AssumptionKey(assumption.label.value)
            guard let given = site.value(for: key)?.text ?? derived(raw.value, kind: assumption.kind, guideDomain: guideDomain) else {
                if let kind = assumption.kind, [.applicationRootURL, .autheliaRootURL].contains(kind) {
                    throw PlanError(message: "the site does not give '\(key)', which the guide assumes (or a 'domain' to derive it from)")
                }
                // A value that is not a host name (a client id, a realm, a name) is the guide's
                // own choice and fits any site; a host that cannot be derived is worth a word.
                if let guideDomain, raw.value.lowercased().containsLiteral(guideDomain) {
                    warnings.append("keeps the guide's \(label) '\(raw.value)': the site sets neither '\(key)' nor 'domain'")
                }
                continue
            }
            var text = given
            if assumption.kind == .applicationRootURL || assumption.kind == .autheliaRootURL {
                guard let old = assumption.value?.url, let new = WebURL(given) else {
                    throw PlanError(message: "\(label) is not a URL in the guide or the site")
                }
                replacements.addURL(old: old, new: new)
                // Keep the guide's own spelling: with or without the trailing slash.
                text = new.origin + new.normalizedPath + (raw.value.hasSuffix("/") ? "/" : "")
            } else {
                replacements.add(raw.value, text)
            }
            newValues[key] = text
            edits.append(TextEdit(line: raw.location.line, column: raw.location.column, length: raw.length, replacement: text))
        }
    }

    /// The domain a guide's examples live under: its Authelia Root URL's host without the
    /// first label (`auth.example.com` → `example.com`), else its Application Root URL's.
    static func exampleDomain(of guide: Guide) -> String? {
        for kind in [AssumptionKind.autheliaRootURL, .applicationRootURL] {
            guard let host = guide.assumption(kind)?.value?.url?.host else { continue }
            let labels = host.split(separator: ".")
            if labels.count >= 3 { return labels.dropFirst().joined(separator: ".") }
        }
        return nil
    }

    /// A value the site implies through its `domain`: the guide's Authelia host becomes
    /// `<authelia_subdomain or the guide's own>.<domain>`, any other host under the guide's
    /// example domain moves to the site's domain (`grafana.example.com` → `grafana.home.arpa`).
    /// `nil` when the value is not host-specific or the site has no domain.
    private func derived(_ value: String, kind: AssumptionKind?, guideDomain: String?) -> String? {
        guard let domain = site.domain?.text, let guideDomain else { return nil }
        if kind == .applicationRootURL || kind == .autheliaRootURL {
            guard let url = WebURL(value), url.host == guideDomain || url.host.hasSuffix("." + guideDomain) else { return nil }
            var prefix = String(url.host.dropLast(guideDomain.count))  // "auth." or ""
            if kind == .autheliaRootURL, let subdomain = site.autheliaSubdomain?.text { prefix = subdomain + "." }
            let port = url.port.map { ":\($0)" } ?? ""
            return "\(url.scheme)://\(prefix)\(domain)\(port)\(url.path)"
        }
        var single = Replacements()
        single.domain = (guideDomain, domain)
        let edits = single.edits(in: Substring(value), line: 1, column: 1)
        return edits.isEmpty ? nil : TextEdit.apply(edits, to: value)
    }

    // MARK: Secret

    mutating func planSecret<R: RandomNumberGenerator>(random: inout R) throws(PlanError) {
        let clientsWithSecrets = guide.clients.contains { $0.clientSecret != nil }
        guard oldSecret != nil || clientsWithSecrets else { return }
        let generator = DigestGenerator()
        switch site.secret {
        case .generate:
            newSecret = generator.randomSecret(using: &random)
            generatedSecret = true
        case .given(let secret):
            newSecret = secret
            if secret == oldSecret {
                warnings.append("the site gives the guide's example client secret; anyone who read the guide knows it — use 'client_secret: generate'")
            }
        case .kept(let secret, let digest):
            newSecret = secret
            newDigest = digest
            keptSecret = true
        }
        if newDigest == nil {
            do {
                newDigest = try generator.pbkdf2(secret: newSecret!, using: &random)
            } catch {
                throw PlanError(message: "could not make the secret's digest: \(error.message)")
            }
        }
        if let oldSecret, let newSecret {
            replacements.add(oldSecret, newSecret)
            if let raw = guide.assumption(.clientSecret)?.rawValue {
                edits.append(TextEdit(line: raw.location.line, column: raw.location.column, length: raw.length, replacement: newSecret))
            }
        }
    }

    // MARK: Authelia YAML

    /// The clients this site's values belong to: the one named by the Client ID assumption,
    /// or the only one (another client in a multi-client guide keeps its own id).
    private func applies(to client: AutheliaClient) -> Bool {
        guide.clients.count == 1 || client.clientID?.string == oldClientID
    }

    mutating func planClientBlocks() {
        for client in guide.clients where applies(to: client) {
            if let id = client.clientID, let new = newValue(.clientID) {
                edits.append(Self.contentEdit(id, new))
            }
            if let secret = client.clientSecret, let digest = newDigest {
                edits.append(Self.contentEdit(secret, digest))
                // The comment naming the example secret would now be wrong: remove it.
                let line = guide.source.originalLine(secret.location.line)
                if SecretStatement.commentSecret(in: line) != nil, let hash = line.literalRange(of: " #") ?? line.literalRange(of: "\t#") {
                    let valueEnd = secret.location.column + secret.length - 1
                    // From the end of the value: the spaces before '#' go too.
                    let beforeHash = line[..<hash.lowerBound]
                    let commentStart = beforeHash.lastIndex(where: { $0 != " " && $0 != "\t" }).map { beforeHash.index(after: $0) } ?? hash.lowerBound
                    let start = line.unicodeScalars.distance(from: line.startIndex, to: commentStart) + 1
                    if start > valueEnd {
                        edits.append(TextEdit(line: secret.location.line, column: start, length: line.unicodeScalars.count - start + 1, replacement: ""))
                    }
                }
            }
        }
        // Every other YAML value of the Authelia blocks: redirect URIs, audiences, ...
        for block in guide.clientBlocks {
            guard case .success(let documents)? = block.yaml else { continue }
            var stack = documents
            while let node = stack.popLast() {
                if let pairs = node.pairs { stack += pairs.map(\.value) } else if let items = node.items { stack += items } else {
                    addTokenEdits(inScalar: node)
                }
            }
        }
    }

    /// Renames client keys to the names `version` uses; keys it does not have are an error.
    mutating func planKeyNames(for version: AutheliaVersion) throws(PlanError) {
        var missing: [String] = []
        for client in guide.clients {
            for pair in client.node.pairs ?? [] {
                guard let name = pair.key.string, let key = ClientSchema.key(named: name) else { continue }
                if case .renamed(let current, _) = key.status(in: version) {
                    edits.append(TextEdit(line: pair.key.location.line, column: pair.key.location.column, length: name.count, replacement: current))
                } else if key.renamedTo == nil, key.since > version {
                    if let old = ClientSchema.keys.first(where: { $0.renamedTo == name }), old.since <= version {
                        edits.append(TextEdit(line: pair.key.location.line, column: pair.key.location.column, length: name.count, replacement: old.name))
                    } else {
                        missing.append("\(name) (\(key.since))")
                    }
                }
            }
        }
        if !missing.isEmpty {
            throw PlanError(message: "Authelia \(version) does not have \(missing.joined(separator: ", ")); render for a later release")
        }
    }

    // MARK: Application side

    mutating func planSettings(meaning: (AppSetting) -> SettingMeaning?) {
        let oldRealm = guide.assumption(.realm)?.value?.text
        for setting in guide.settings {
            let value = setting.value.value
            var replacement: String?
            switch meaning(setting) {
            case .clientID?: replacement = value == oldClientID ? newValue(.clientID) : nil
            case .clientSecret?: replacement = value == oldSecret ? newSecret : nil
            case .clientIDOrSecret?: replacement = value == oldSecret ? newSecret : value == oldClientID ? newValue(.clientID) : nil
            case .realm?: replacement = value == oldRealm ? newValue(.realm) : nil
            default: replacement = nil
            }
            if let replacement {
                edits.append(TextEdit(line: setting.value.location.line, column: setting.value.location.column,
                                      length: setting.value.length, replacement: replacement))
            } else {
                edits += replacements.edits(in: Substring(value), line: setting.value.location.line, column: setting.value.location.column)
            }
        }
    }

    // MARK: Prose: code spans, links, code blocks GuideKit does not understand

    mutating func planProse() {
        // In prose, a short identifier (a realm named `authelia`, a client id `grafana`) also
        // names programs and projects: `authelia crypto hash ...`, a link to
        // github.com/grafana/grafana. So code spans with spaces or a URL, and link
        // destinations, get only URL-derived replacements; a span that is a single token
        // (`proxmox`, `@authelia`) gets every replacement.
        let urlOnly = replacements.urlDerived
        for span in guide.codeSpans {
            let isPhraseOrURL = span.value.contains(where: { $0 == " " || $0 == "\t" }) || span.value.containsLiteral("://")
            edits += (isPhraseOrURL ? urlOnly : replacements).edits(in: Substring(span.value), line: span.location.line, column: span.location.column)
        }
        for link in guide.links {
            edits += urlOnly.edits(in: Substring(link.value), line: link.location.line, column: link.location.column)
        }
        // Code blocks: those GuideKit does not otherwise understand get every replacement;
        // application blocks and commands, whose settings were planned above, get the
        // URL-derived ones for their other lines (a comment, a URL GuideKit did not read as a
        // setting) — never a short identifier, which in a command may be a program's name.
        var codeLines = IndexSet()
        for block in guide.codeBlocks {
            codeLines.insert(integersIn: block.location.line..<max(block.location.line + 1, block.lineAfterContent + 1))
            guard block.role != .autheliaClient else { continue }
            let blockReplacements = block.role == nil || block.role == .ignore ? replacements : urlOnly
            let lines = block.content.lines()
            for (offset, content) in lines.enumerated() where !content.isEmpty {
                let line = block.contentFirstLine + offset
                let source = guide.source.resolvedLine(line)
                guard source.hasSuffix(content) else { continue }
                let column = source.unicodeScalars.count - content.unicodeScalars.count + 1
                edits += blockReplacements.edits(in: content, line: line, column: column)
            }
        }
        // Prose: only whole URLs (`https://app.example.com/login` in a sentence or a list item),
        // never bare words or host names, which a sentence may use in their general sense.
        for line in 1...max(guide.source.lineCount, 1) where !codeLines.contains(line) {
            let text = guide.source.resolvedLine(line)
            guard text.containsLiteral("://") else { continue }
            let scalars = Array(text.unicodeScalars)
            var index = 0
            while index < scalars.count {
                guard scalars[index] == "h", let url = Self.urlToken(scalars, at: index) else { index += 1; continue }
                let token = String(scalars: scalars[index..<(index + url)])
                edits += urlOnly.edits(in: Substring(token), line: line, column: index + 1)
                index += url
            }
        }
    }

    /// The length of an `http://` or `https://` URL starting at `index`, up to the first
    /// character a URL in prose does not continue with (space, quote, bracket).
    static func urlToken(_ scalars: [Unicode.Scalar], at index: Int) -> Int? {
        let rest = scalars[index...]
        guard rest.starts(with: "https://".unicodeScalars) || rest.starts(with: "http://".unicodeScalars) else { return nil }
        let end = rest.firstIndex { $0 == " " || $0 == "\t" || "'\"`<>()[]{}|\\".unicodeScalars.contains($0) } ?? scalars.endIndex
        return end - index
    }

    // MARK: Helpers

    /// Replaces a scalar's content, inside its quotes.
    static func contentEdit(_ node: YAMLNode, _ replacement: String) -> TextEdit {
        let content = node.content
        return TextEdit(line: content.location.line, column: content.location.column, length: content.length, replacement: replacement)
    }

    private mutating func addTokenEdits(inScalar node: YAMLNode) {
        guard let text = node.string, node.style != .literal, node.style != .folded, !text.containsLiteral("\n") else { return }
        edits += replacements.edits(in: Substring(text), line: node.location.line, column: node.content.location.column)
    }
}

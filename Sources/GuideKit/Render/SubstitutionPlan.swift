import SecretDigests

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
    private(set) var newValues: [SiteKey: String] = [:]
    private(set) var newSecret: String?
    private(set) var newDigest: String?
    private(set) var generatedSecret = false

    init(guide: Guide, site: Site) {
        self.guide = guide
        self.site = site
    }

    func newValue(_ kind: AssumptionKind) -> String? { newValues[SiteKey(kind)] }

    var oldClientID: String? { guide.assumption(.clientID)?.value?.text }
    var oldSecret: String? { guide.assumption(.clientSecret)?.value?.text }

    // MARK: Assumptions

    mutating func planAssumptions() throws(PlanError) {
        for assumption in guide.assumptions where assumption.kind != .clientSecret {
            guard let raw = assumption.rawValue else { continue }
            let label = assumption.kind?.rawValue ?? assumption.label.value
            let key = SiteKey(assumption.label.value)
            guard let given = site.value(for: key) else {
                if let kind = assumption.kind, [.applicationRootURL, .autheliaRootURL, .clientID].contains(kind) {
                    throw PlanError(message: "the site does not give '\(key)', which the guide assumes")
                }
                warnings.append("keeps the guide's \(label) '\(raw.value)': the site does not set '\(key)'")
                continue
            }
            var text = given.text
            if assumption.kind == .applicationRootURL || assumption.kind == .autheliaRootURL {
                guard let old = assumption.value?.url, let new = WebURL(given.text) else {
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
        }
        do {
            newDigest = try generator.pbkdf2(secret: newSecret!, using: &random)
        } catch {
            throw PlanError(message: "could not make the secret's digest: \(error.message)")
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
                if SecretStatement.commentSecret(in: line) != nil, let hash = line.range(of: " #") ?? line.range(of: "\t#") {
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
            let isPhraseOrURL = span.value.contains(where: { $0 == " " || $0 == "\t" }) || span.value.contains("://")
            edits += (isPhraseOrURL ? urlOnly : replacements).edits(in: Substring(span.value), line: span.location.line, column: span.location.column)
        }
        for link in guide.links {
            edits += urlOnly.edits(in: Substring(link.value), line: link.location.line, column: link.location.column)
        }
        for block in guide.codeBlocks where block.role == nil {
            let lines = block.content.lines()
            for (offset, content) in lines.enumerated() where !content.isEmpty {
                let line = block.contentFirstLine + offset
                let source = guide.source.resolvedLine(line)
                guard source.hasSuffix(content) else { continue }
                let column = source.unicodeScalars.count - content.unicodeScalars.count + 1
                edits += replacements.edits(in: content, line: line, column: column)
            }
        }
    }

    // MARK: Helpers

    /// Replaces a scalar's content, inside its quotes.
    static func contentEdit(_ node: YAMLNode, _ replacement: String) -> TextEdit {
        let content = node.content
        return TextEdit(line: content.location.line, column: content.location.column, length: content.length, replacement: replacement)
    }

    private mutating func addTokenEdits(inScalar node: YAMLNode) {
        guard let text = node.string, node.style != .literal, node.style != .folded, !text.contains("\n") else { return }
        edits += replacements.edits(in: Substring(text), line: node.location.line, column: node.content.location.column)
    }
}

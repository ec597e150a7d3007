import Foundation
import GuideDocument

/// Loads and validates application and library profiles. Every profile is checked when
/// loaded (unknown keys, wrong types, unknown meanings, bad patterns, a fact without a
/// source, an unknown library), so a broken profile stops the run with a clear error instead
/// of silently checking less. An application's facts are its own where it states them, else
/// its library's (unless it lists the fact under `unknown:`).
public enum ProfileLoader {
    static let applicationKeys = ["id", "name", "kind", "release", "library", "library_versions", "docs", "match", "settings",
                                  "settings_complete", "versions", "sources", "unknown", "notes"] + ProfileReader.factKeys
    static let libraryKeys = ["id", "name", "kind", "language", "repository", "release", "docs", "options", "versions", "sources",
                              "unknown", "notes"] + ProfileReader.factKeys
    static let settingKeys: Set<String> = ["key", "names", "meaning", "type", "allowed", "pattern", "max_length", "default", "description"]

    /// The shipped profiles, loaded once per process.
    public static let bundledResult: Result<[ApplicationProfile], InputError> = Result { () throws(InputError) in try bundled() }

    /// The library profiles shipped with GuideKit.
    public static func bundledLibraries() throws(InputError) -> [LibraryProfile] {
        var libraries: [LibraryProfile] = []
        for (path, text) in EmbeddedProfiles.libraries {
            let library = try parseLibrary(text, file: path)
            if let clash = libraries.first(where: { $0.id == library.id }) {
                throw InputError(path: path, message: "library id '\(library.id)' is also used by \(clash.file)")
            }
            libraries.append(library)
        }
        return libraries
    }

    /// The profiles shipped with GuideKit, compiled into the binary (`EmbeddedProfiles`):
    /// an installed `guidekit` needs no files beside it.
    public static func bundled() throws(InputError) -> [ApplicationProfile] {
        try parseAll(EmbeddedProfiles.applications, libraries: bundledLibraries())
    }

    /// The profiles of a folder (`--profiles`): application profiles, and library profiles
    /// (`kind: library`) they and the bundled ones may name.
    public static func load(directory: String) throws(InputError) -> [ApplicationProfile] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch {
            throw InputError(path: directory, message: "cannot list profiles: \(error.localizedDescription)")
        }
        // Each file is read and parsed once; libraries first, as applications may name them.
        var applications: [YAMLFile] = []
        var libraries = try bundledLibraries()
        for name in names.sorted() where name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
            let path = (directory as NSString).appendingPathComponent(name)
            let yaml = try YAMLFile.load(path, what: "a profile")
            if yaml.root?["kind"]?.string == "library" {
                let library = try parseLibrary(yaml)
                libraries.removeAll { $0.id == library.id }
                libraries.append(library)
            } else {
                applications.append(yaml)
            }
        }
        return try unique(applications.map { yaml throws(InputError) in try parse(yaml, libraries: libraries) })
    }

    /// Profiles from (path, text) pairs; two with one id are an error naming both files.
    static func parseAll(_ files: [(path: String, text: String)], libraries: [LibraryProfile]) throws(InputError) -> [ApplicationProfile] {
        var profiles: [ApplicationProfile] = []
        for (path, text) in files { profiles.append(try parse(text, file: path, libraries: libraries)) }
        return try unique(profiles)
    }

    /// The profiles, refusing two with one id (the error names both files).
    static func unique(_ profiles: [ApplicationProfile]) throws(InputError) -> [ApplicationProfile] {
        for (index, profile) in profiles.enumerated() {
            if let clash = profiles[..<index].first(where: { $0.id == profile.id }) {
                throw InputError(path: profile.file, message: "profile id '\(profile.id)' is also used by \(clash.file)")
            }
        }
        return profiles
    }

    static func reader(_ yaml: YAMLFile, keys: [String]) throws(InputError) -> ProfileReader {
        let file = yaml.path
        guard let root = yaml.root else { throw InputError(path: file, message: "the profile is empty") }
        guard let pairs = root.pairs else { throw yaml.fail(root, "a profile is a mapping with id, name, match, settings, ...") }
        for pair in pairs {
            guard let key = pair.key.string, keys.contains(key) else { throw yaml.unknown("profile key", pair.key, known: keys) }
        }
        let reader = ProfileReader(yaml: yaml, root: root)
        try reader.checkVersionEntries()
        return reader
    }

    static func identifier(_ reader: ProfileReader) throws(InputError) -> String {
        let id = try reader.string(reader.root["id"], "id")
        guard id.allSatisfy({ $0.isLowercase || $0.isNumber || $0 == "-" }) else {
            throw reader.fail(reader.root["id"]!, "id '\(id)' must use only a-z, 0-9 and '-'")
        }
        return id
    }

    /// The versioned facts a profile states (`settings`: the application's, for templates and
    /// choices that name them; `nil` for a library).
    static func facts(_ reader: ProfileReader, settings: [ApplicationProfile.Setting]?) throws(InputError)
        -> (ApplicationProfile.Facts, scopesFromSettings: [String]) {
        var facts = ApplicationProfile.Facts()
        var fromSettings: [String] = []
        facts.redirectURIs = try reader.fact("redirect_uris") { node throws(InputError) in try reader.redirects(node, settings: settings) }
        facts.scopes = try reader.fact("scopes") { node throws(InputError) in
            let (scopes, added) = try reader.scopes(node, settings: settings)
            if node == reader.root["scopes"] { fromSettings = added }
            return scopes
        }
        facts.tokenAuthMethod = try reader.fact("token_auth_method") { node throws(InputError) in
            try reader.choice("token_auth_method", node, terms: ProfileReader.authMethodTerms, settings: settings)
        }
        facts.claimsFrom = try reader.fact("claims_from") { node throws(InputError) in
            try reader.choice("claims_from", node, terms: ProfileReader.claimsTerms, settings: settings)
        }
        facts.pkce = try reader.fact("pkce") { node throws(InputError) in
            try reader.choice("pkce", node, terms: ProfileReader.pkceTerms, settings: settings)
        }
        facts.userinfoSigned = try reader.fact("userinfo_signed") { node throws(InputError) in try reader.boolean(node, "userinfo_signed") }
        facts.exactIssuer = try reader.fact("exact_issuer") { node throws(InputError) in try reader.boolean(node, "exact_issuer") }
        return (facts, fromSettings)
    }

    public static func parseLibrary(_ text: String, file: String) throws(InputError) -> LibraryProfile {
        try parseLibrary(YAMLFile.parse(text, path: file, what: "a profile"))
    }

    static func parseLibrary(_ yaml: YAMLFile) throws(InputError) -> LibraryProfile {
        let file = yaml.path
        let reader = try reader(yaml, keys: libraryKeys)
        let id = try identifier(reader)
        guard reader.root["kind"]?.string == "library" else { throw reader.fail(reader.root, "a library profile says 'kind: library'") }
        var facts = try facts(reader, settings: nil).0
        facts.redirectURIs = nil  // a library's callback needs the application's own settings
        var options: [String: String] = [:]
        for pair in reader.root["options"]?.pairs ?? [] {
            guard let key = pair.key.string else { continue }
            options[key] = pair.value.string ?? ""
        }
        return LibraryProfile(id: id, name: reader.root["name"]?.string ?? id, file: file,
                              language: reader.root["language"]?.string, repository: reader.root["repository"]?.string,
                              release: reader.root["release"]?.string, facts: facts, options: options, unknown: try reader.unknownFacts())
    }

    public static func parse(_ text: String, file: String) throws(InputError) -> ApplicationProfile {
        try parse(text, file: file, libraries: (try? bundledLibraries()) ?? [])
    }

    public static func parse(_ text: String, file: String, libraries: [LibraryProfile]) throws(InputError) -> ApplicationProfile {
        try parse(YAMLFile.parse(text, path: file, what: "a profile"), libraries: libraries)
    }

    static func parse(_ yaml: YAMLFile, libraries: [LibraryProfile]) throws(InputError) -> ApplicationProfile {
        let file = yaml.path
        let reader = try reader(yaml, keys: applicationKeys)
        let root = reader.root
        let id = try identifier(reader)
        if let kind = root["kind"], kind.string != "application" {
            throw reader.fail(kind, "an application profile has 'kind: application' (or none); libraries are loaded as libraries")
        }
        let name = try reader.string(root["name"], "name")
        let match = root["match"]
        if let match { try reader.onlyKeys(match, ["files", "titles"], in: "match") }

        var settings: [ApplicationProfile.Setting] = []
        if let node = root["settings"], node.items == nil, node.scalarType != .null { throw reader.fail(node, "settings must be a list") }
        let settingNodes = root["settings"]?.items ?? []
        for node in settingNodes {
            guard let settingPairs = node.pairs else { throw reader.fail(node, "each setting is a mapping with key, names, meaning, type, ...") }
            for pair in settingPairs where !settingKeys.contains(pair.key.string ?? "") {
                throw reader.yaml.unknown("setting key", pair.key, known: settingKeys.sorted())
            }
            let key = try reader.string(node["key"], "key")
            var meaning: SettingMeaning?
            if let meaningNode = node["meaning"] {
                let text = try reader.string(meaningNode, "meaning")
                guard let known = SettingMeaning.profileNames[text] else {
                    throw reader.fail(meaningNode, "unknown meaning '\(text)' (known: \(SettingMeaning.profileNames.keys.sorted().joined(separator: ", ")))")
                }
                meaning = known
            }
            var type = ApplicationProfile.Setting.ValueType.string
            if let typeNode = node["type"] {
                let text = try reader.string(typeNode, "type")
                guard let known = ApplicationProfile.Setting.ValueType(rawValue: text) else {
                    throw reader.fail(typeNode, "unknown type '\(text)' (known: string, url, boolean, integer)")
                }
                type = known
            }
            var pattern: ApplicationProfile.Pattern?
            if let patternNode = node["pattern"] {
                let source = try reader.string(patternNode, "pattern")
                do { pattern = try .init(source) } catch { throw reader.fail(patternNode, "pattern is not a valid regular expression: \(error)") }
            }
            var maxLength: Int?
            if let lengthNode = node["max_length"] {
                guard let value = Int(lengthNode.string ?? ""), value > 0 else { throw reader.fail(lengthNode, "max_length must be a positive integer") }
                maxLength = value
            }
            let names = try reader.strings(node["names"], "names")
            settings.append(.init(key: key, names: names.isEmpty ? [key] : names + [key], meaning: meaning, type: type,
                                  allowed: node["allowed"] == nil ? nil : try reader.strings(node["allowed"], "allowed"),
                                  pattern: pattern, maxLength: maxLength,
                                  defaultValue: node["default"]?.string))
        }

        let settingsSource = try reader.source(of: "settings")
        if !settings.isEmpty && settingsSource == nil && root["docs"] == nil {
            throw reader.fail(root["settings"]!, "the settings have no source: add sources.settings or docs")
        }
        var (facts, scopesFromSettings) = try facts(reader, settings: settings)
        let unknown = try reader.unknownFacts()
        var library: LibraryProfile?
        if let node = root["library"] {
            let libraryID = try reader.string(node, "library")
            guard let found = libraries.first(where: { $0.id == libraryID }) else {
                throw reader.yaml.unknown("library", node, known: libraries.map(\.id).sorted())
            }
            library = found
            // The application's own facts first; the library's where it states none and does
            // not say the fact is unknown for it.
            func inherit<T>(_ own: inout VersionedFact<T>?, _ inherited: VersionedFact<T>?, _ key: String) {
                guard own == nil, unknown[key] == nil, var fact = inherited else { return }
                fact.library = found.id
                own = fact
            }
            inherit(&facts.scopes, found.facts.scopes, "scopes")
            inherit(&facts.tokenAuthMethod, found.facts.tokenAuthMethod, "token_auth_method")
            inherit(&facts.claimsFrom, found.facts.claimsFrom, "claims_from")
            inherit(&facts.pkce, found.facts.pkce, "pkce")
            inherit(&facts.userinfoSigned, found.facts.userinfoSigned, "userinfo_signed")
            inherit(&facts.exactIssuer, found.facts.exactIssuer, "exact_issuer")
        }
        var libraryVersions: VersionRange?
        if let node = root["library_versions"] {
            let text = try reader.string(node, "library_versions")
            guard library != nil else { throw reader.fail(node, "library_versions needs 'library'") }
            guard let range = VersionRange(text) else { throw reader.fail(node, "'\(text)' is not a release range (e.g. '>=65.0 <66', '~=65.0', '^5.7.1')") }
            libraryVersions = range
        }
        var sources: [String: String] = [:]
        if let settingsSource { sources["settings"] = settingsSource }
        var profile = ApplicationProfile(
            id: id, name: name, file: file,
            // Lower-cased once here: matching is case-insensitive and compares every guide
            // with every profile.
            matchFiles: try reader.strings(match?["files"], "match.files").map { $0.lowercased() },
            matchTitles: try reader.strings(match?["titles"], "match.titles").map { $0.lowercased() },
            redirectURIs: [], defaultScopes: nil, alwaysScopes: [], exactIssuer: false,
            settings: settings, docs: root["docs"]?.string)
        profile.release = root["release"]?.string
        profile.library = library
        profile.libraryVersions = libraryVersions
        profile.settingsComplete = try root["settings_complete"].map { node throws(InputError) in try reader.boolean(node, "settings_complete") } ?? false
        profile.facts = facts
        profile.sources = sources
        profile.unknown = unknown
        profile.scopesFromSettings = scopesFromSettings
        // Until a guide says which release it was tested with: only what every release agrees on.
        return profile.resolved(applicationVersion: nil)
    }
}

import Foundation
import GuideChecks
import GuideDocument
import GuideKnowledge

/// Reads and validates site files (docs/SITES.md) before anything is rendered.
public enum SiteLoader {
    /// Keys every site may use besides the guide's own assumption labels.
    static let knownLabels = AssumptionKind.allCases.map(\.rawValue) + ["Authelia Version"]

    /// Why `name` cannot be an output folder's name, or `nil`: letters, digits, `.`, `_`, `-`,
    /// not starting with `.` or `-` (no `..`, no hidden folders, nothing a shell or template
    /// reads specially), at most 100 characters.
    public static func folderNameProblem(_ name: String) -> String? {
        guard !name.isEmpty, name.unicodeScalars.count <= 100 else { return "use 1 to 100 characters" }
        guard name.unicodeScalars.allSatisfy(\.isSafeWordCharacter) else { return "use only A-Z a-z 0-9 . _ -" }
        guard !name.hasPrefix("."), !name.hasPrefix("-") else { return "it must not start with '.' or '-'" }
        // The writer's own folders: a name holding one would be taken for a killed run's
        // leftover and removed.
        guard !name.containsLiteral(OutputWriter.oldSuffix), !name.containsLiteral(OutputWriter.stagingPrefix) else {
            return "it must not contain '\(OutputWriter.oldSuffix)' (GuideKit names its replaced folders so)"
        }
        return nil
    }

    /// Why a guide's name (its file name without the extension, or its folder's for
    /// `NAME/index.md`) cannot name its output folder, or nil: the rules of site folders, and
    /// not the site index's own files.
    public static func guideFolderProblem(_ name: String) -> String? {
        if let problem = folderNameProblem(name) { return problem }
        guard !["index.md", "index.html", "authelia-oidc.yml", SiteState.fileName].contains(name) else {
            return "it would replace the site's own file of that name"
        }
        return nil
    }

    /// Site files, with folders expanded to their `*.yml` / `*.yaml` files in sorted order.
    public static func siteFiles(_ paths: [String]) throws(InputError) -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw InputError(path: path, message: "no such site file")
            }
            guard isDirectory.boolValue else { files.append(path); continue }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            let sites = names.filter { $0.hasSuffix(".yml") || $0.hasSuffix(".yaml") }.sorted()
            guard !sites.isEmpty else { throw InputError(path: path, message: "folder holds no site files (*.yml)") }
            files += sites.map { (path as NSString).appendingPathComponent($0) }
        }
        return files
    }

    public static func load(path: String, extraLabels: [String] = []) throws(InputError) -> Site {
        let text: String
        do {
            text = try GuideFileReader(maximumBytes: 1_048_576).read(path)
        } catch {
            throw InputError(path: path, location: error.location, message: error.message)
        }
        let name = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        if let problem = folderNameProblem(name) {
            throw InputError(path: path, message: "the site's name '\(name)' (its file name) cannot name an output folder: \(problem)")
        }
        return try parse(text, file: path, name: name, extraLabels: extraLabels)
    }

    /// - Parameter extraLabels: labels the guides being rendered use besides the known ones
    ///   (e.g. "Authentication Name (Gitea)"), so the site may set them.
    public static func parse(_ text: String, file: String, name: String, extraLabels: [String] = []) throws(InputError) -> Site {
        let yaml = try YAMLFile.parse(text, path: file, what: "a site file", oneDocumentHint: " (use one file per site)")
        guard let root = yaml.root, root.pairs != nil else {
            throw InputError(path: file, message: "a site file is a YAML mapping such as 'client_id: app'")
        }
        var site = Site(name: name, file: file, values: [:], secret: .generate, autheliaVersion: nil)
        let reader = ValueReader(file: file, labels: knownLabels + extraLabels)
        for pair in root.pairs ?? [] {
            guard let key = pair.key.string else { continue }
            switch key {
            case "domain":
                site.domain = try reader.host(pair, labels: nil)
            case "authelia_subdomain":
                site.autheliaSubdomain = try reader.host(pair, labels: 1)
            case "apps":
                guard let sections = pair.value.pairs else {
                    throw InputError(path: file, location: pair.value.location,
                                     message: "'apps' maps guide names to their own values, such as 'grafana: {client_id: grafana}'")
                }
                for section in sections {
                    guard let app = section.key.string, section.value.pairs != nil else {
                        throw InputError(path: file, location: section.value.location,
                                         message: "each application under 'apps' is a mapping of its own values")
                    }
                    var values = Site.Section(location: section.key.location)
                    var secret: Site.SecretRequest?
                    var version: AutheliaVersion?  // one release per site: not per application
                    for inner in section.value.pairs ?? [] {
                        try reader.read(inner, into: &values.values, secret: &secret, version: &version, allowVersion: false)
                    }
                    values.secret = secret
                    site.apps[app] = values
                }
            default:
                var secret: Site.SecretRequest?
                try reader.read(pair, into: &site.values, secret: &secret, version: &site.autheliaVersion)
                if let secret { site.secret = secret }
            }
        }
        return site
    }

    /// Reads `label: value` pairs of a site file or of one application's section.
    private struct ValueReader {
        let file: String
        let labelsByKey: [AssumptionKey: String]
        let knownKeys: [String]

        init(file: String, labels: [String]) {
            self.file = file
            labelsByKey = Dictionary(labels.map { (AssumptionKey($0), $0) }, uniquingKeysWith: { a, _ in a })
            knownKeys = labels.map { AssumptionKey($0).snakeCase } + ["domain", "authelia_subdomain", "apps"]
        }

        func scalar(_ pair: YAMLNode.Pair) throws(InputError) -> Substring {
            guard let raw = pair.value.string, pair.value.scalarType != .null else {
                throw InputError(path: file, location: pair.value.location, message: "'\(pair.key.string ?? "")' must be a single value")
            }
            return raw.trimmingSpaces()
        }

        /// A secret the site file names instead of holding it: `{file: PATH}` (relative to the
        /// site file's folder; one line, its line feed dropped) or `{env: NAME}`. Messages name
        /// the file or variable, never the secret.
        func referencedSecret(_ reference: [YAMLNode.Pair], key: String, at location: SourceLocation) throws(InputError) -> String {
            guard reference.count == 1, let kind = reference[0].key.string, let target = reference[0].value.string, !target.isEmpty else {
                throw InputError(path: file, location: location, message: "'\(key)' is 'generate', a secret, {file: PATH} or {env: NAME}")
            }
            switch kind {
            case "file":
                let folder = (file as NSString).deletingLastPathComponent
                let path = target.hasPrefix("/") || folder.isEmpty ? target : (folder as NSString).appendingPathComponent(target)
                guard let data = FileManager.default.contents(atPath: path), data.count <= 4096,
                      var text = String(data: data, encoding: .utf8) else {
                    throw InputError(path: file, location: reference[0].value.location,
                                     message: "'\(key)': the secret file '\(path)' cannot be read as UTF-8 text of at most 4 KiB")
                }
                if text.hasSuffix("\n") { text.removeLast() }
                if text.hasSuffix("\r") { text.removeLast() }
                return text
            case "env":
                guard let text = ProcessInfo.processInfo.environment[target], !text.isEmpty else {
                    throw InputError(path: file, location: reference[0].value.location,
                                     message: "'\(key)': the environment variable \(target) is not set")
                }
                return text
            default:
                let hint = Suggestion.closest(to: kind, in: ["env", "file"]).map { " — did you mean '\($0)'?" } ?? ""
                throw InputError(path: file, location: reference[0].key.location,
                                 message: "'\(key)': unknown secret reference '\(kind)'\(hint) (file or env)")
            }
        }

        /// A host name (`domain`), or one label of one (`authelia_subdomain`), in ASCII form.
        func host(_ pair: YAMLNode.Pair, labels: Int?) throws(InputError) -> Site.Value {
            let value = String(try scalar(pair))
            let location = pair.value.location
            let key = pair.key.string ?? ""
            let ascii: String
            switch IDNA.asciiHost(value) {
            case .success(let host): ascii = host
            case .failure(let error): throw InputError(path: file, location: location, message: "'\(key)': \(error.message)")
            }
            if let labels, ascii.split(separator: ".").count != labels {
                throw InputError(path: file, location: location, message: "'\(key)' is one name without dots, such as 'auth'")
            }
            guard !ascii.hasPrefix("-"), !ascii.hasSuffix("."), ascii.count <= 200 else {
                throw InputError(path: file, location: location, message: "'\(key)': '\(value)' is not a host name such as 'home.arpa'")
            }
            return Site.Value(text: ascii, location: location)
        }

        func read(_ pair: YAMLNode.Pair, into values: inout [AssumptionKey: Site.Value], secret: inout Site.SecretRequest?,
                  version: inout AutheliaVersion?, allowVersion: Bool = true) throws(InputError) {
            guard let key = pair.key.string else { return }
            let siteKey = AssumptionKey(key)
            guard let label = labelsByKey[siteKey], allowVersion || label != "Authelia Version" else {
                let hint = Suggestion.closest(to: siteKey.snakeCase, in: knownKeys)
                throw InputError(path: file, location: pair.key.location,
                                 message: "unknown site key '\(key)'\(hint.map { " — did you mean '\($0)'?" } ?? "") (keys: \(knownKeys.joined(separator: ", ")))")
            }
            let location = pair.value.location
            if AssumptionKind(label: label) == .clientSecret, let reference = pair.value.pairs {
                let text = try referencedSecret(reference, key: key, at: location)
                try SiteLoader.validate(text, kind: .clientSecret, key: key, file: file, location: location)
                secret = .given(text)
                values[siteKey] = Site.Value(text: text, location: location)
                return
            }
            var value = try scalar(pair)
            if label == "Authelia Version" {
                guard let release = AutheliaVersion(String(value)), AutheliaVersion.known.contains(release) else {
                    throw InputError(path: file, location: location,
                                     message: "authelia_version '\(value)' is not a release GuideKit knows (4.29 to 4.39)")
                }
                version = release
                return
            }
            let kind = AssumptionKind(label: label)
            if kind == .applicationRootURL || kind == .autheliaRootURL {
                // Internationalised hosts in their ASCII form, as browsers send them.
                switch SiteValueRules.asciiURL(String(value)) {
                case .success(let ascii): value = Substring(ascii)
                case .failure(let error): throw InputError(path: file, location: location, message: "'\(key)': \(error.message)")
                }
            }
            if kind == .clientSecret {
                secret = value == "generate" ? .generate : .given(String(value))
            }
            try SiteLoader.validate(String(value), kind: kind, key: key, file: file, location: location)
            values[siteKey] = Site.Value(text: String(value), location: location)
        }
    }

    /// Every value must be safe to paste into Markdown code, YAML, shell commands, `.env`
    /// files, `domains.cfg` and HTML: each role has its closed character set
    /// (`SiteValueRules`), and URLs must use https (or http on a loopback host).
    static func validate(_ value: String, kind: AssumptionKind?, key: String, file: String, location: SourceLocation) throws(InputError) {
        func fail(_ message: String) -> InputError { InputError(path: file, location: location, message: "'\(key)': \(message)") }
        if kind == .clientSecret, value == "generate" { return }
        if let problem = SiteValueRules.problem(with: value, as: SiteValueRules.role(of: kind)) { throw fail(problem) }
        switch kind {
        case .applicationRootURL, .autheliaRootURL:
            guard let url = WebURL(value) else { throw fail("'\(value)' is not an absolute http(s) URL") }
            guard url.scheme == "https" || url.isLoopback else {
                throw fail("use https ('\(value)' is http on a non-local host; Authelia refuses such redirects)")
            }
        case .realm:
            guard value != "pam", value != "pve" else { throw fail("'\(value)' is a built-in Proxmox realm; choose another name") }
        default:
            break
        }
    }

}

import Foundation
import GuideChecks
import GuideDocument
import SecretDigests

/// What `render` keeps between runs for one site, in `OUT/SITE/.guidekit-state.json` (mode
/// 0600: it holds the client secrets). Format `guidekit-site-state`, version 1
/// (docs/SITES.md): per application, the client secret GuideKit manages and its digest; per
/// file GuideKit wrote, its SHA-256 and the application it belongs to. A later render reuses
/// every secret it has (`--rotate` makes new ones), owns only the files listed here (a file
/// someone added is kept), and writes nothing when nothing changed.
public struct SiteState: Sendable, Equatable, Codable {
    public static let fileName = ".guidekit-state.json"
    public static let formatName = "guidekit-site-state"
    public static let currentVersion = 1

    public struct Client: Sendable, Equatable, Codable {
        public var clientID: String
        public var secret: String
        public var digest: String
        /// `generated` by render, or `imported` (`guidekit secrets import`).
        public var origin: String

        public init(clientID: String, secret: String, digest: String, origin: String) {
            self.clientID = clientID
            self.secret = secret
            self.digest = digest
            self.origin = origin
        }

        enum CodingKeys: String, CodingKey {
            case clientID = "client_id", secret, digest, origin
        }
    }

    public struct File: Sendable, Equatable, Codable {
        /// The application (guide name) the file belongs to; empty for the site's own files
        /// (the index pages and the combined configuration).
        public var application: String
        public var sha256: String
        public var mode: Int
    }

    public var format = SiteState.formatName
    public var version = SiteState.currentVersion
    public var site: String
    /// By application (guide name).
    public var clients: [String: Client] = [:]
    /// By path inside the site folder (`proxmox/guide.md`).
    public var files: [String: File] = [:]

    public init(site: String) {
        self.site = site
    }

    /// The state of the site folder `folder`: empty when the folder or the file does not exist
    /// yet; an unreadable or foreign file is an error naming it.
    public static func load(siteFolder folder: String, site: String) throws(InputError) -> SiteState {
        let path = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: path) else { return SiteState(site: site) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw InputError(path: path, message: "cannot be read (\(PrivateFiles.reason()))")
        }
        let state: SiteState
        do { state = try JSONDecoder().decode(SiteState.self, from: data) } catch {
            throw InputError(path: path, message: "is not a GuideKit site state (expected JSON with format '\(formatName)'); move it away to start afresh")
        }
        guard state.format == formatName else {
            throw InputError(path: path, message: "format '\(state.format)' is not '\(formatName)'")
        }
        guard state.version == currentVersion else {
            throw InputError(path: path, message: "site state version \(state.version) is not supported (this GuideKit writes version \(currentVersion))")
        }
        // Paths inside the site folder only: a state edited to name `../x` or `/etc/x` must
        // not make a render remove or write there.
        for (file, entry) in state.files {
            let parts = file.split(separator: "/", omittingEmptySubsequences: false)
            guard !file.hasPrefix("/"), !parts.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." }),
                  !entry.application.contains("/"), entry.application != "..", entry.application != "." else {
                throw InputError(path: path, message: "names the file '\(file)', which is not a path inside the site folder")
            }
        }
        return state
    }

    public func encoded() -> String {
        StableJSON.encode(self, orElse: "{}") + "\n"
    }

    /// The hex SHA-256 of a file's content.
    public static func sha256(_ content: String) -> String {
        KeyedHash.sha256Hex(Array(content.utf8))
    }
}

import Foundation
import GuideChecks
import SecretDigests
import GuideDocument
import LSPProtocol

/// GuideKit as a language server (`guidekit lsp`): findings as diagnostics while a guide is
/// edited, certain fixes and "disable for the next line" as code actions, rule help and
/// assumption usages on hover.
///
/// Every method runs on one serial queue (the caller's): the server keeps no locks, and is
/// `@unchecked Sendable` only so its queue's closures may hold it. Digest
/// verification, the only slow part of a check, runs through `Environment.background` and
/// reports back through `Environment.later`, so a keystroke never waits for a key derivation:
/// a check uses the verdicts already known, and the fresh ones are published when ready.
public final class GuideLanguageServer: @unchecked Sendable {
    public struct Environment: Sendable {
        /// Sends a message to the client.
        public var send: @Sendable (Message) -> Void
        /// Runs work off the server's queue (digest verification).
        public var background: @Sendable (@escaping @Sendable () -> Void) -> Void
        /// Runs work on the server's queue once the current message is handled.
        public var later: @Sendable (@escaping @Sendable () -> Void) -> Void
        /// A line for the server's log (standard error).
        public var log: @Sendable (String) -> Void
        /// Makes the workspace folder the process's current folder, as `guidekit check` runs in
        /// a repository (`.guidekit.yml` globs match paths from there). The command does it;
        /// tests, which share one process, leave the current folder alone.
        public var enterWorkspace: @Sendable (String) -> Void

        public init(send: @escaping @Sendable (Message) -> Void, background: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void,
                    later: @escaping @Sendable (@escaping @Sendable () -> Void) -> Void, log: @escaping @Sendable (String) -> Void,
                    enterWorkspace: @escaping @Sendable (String) -> Void = { _ in }) {
            self.send = send
            self.background = background
            self.later = later
            self.log = log
            self.enterWorkspace = enterWorkspace
        }
    }

    enum State { case uninitialized, running, shuttingDown }

    private let environment: Environment
    private var reader = MessageReader()
    private var state = State.uninitialized
    private var root: String
    private var session: CheckSession
    private var baseline: Baseline?
    private var documents: [String: CheckedDocument] = [:]
    private var verdicts = VerdictCache()
    /// Verifications handed to the background and not answered yet.
    private var verifying: Set<VerificationRequest> = []
    private var nextRequestID = 1
    /// The status `exit` asks for (0 after `shutdown`, 1 without): set once the client said exit.
    public private(set) var exitStatus: Int32?

    /// - Parameter folder: where the server starts (the workspace root the client names
    ///   replaces it at `initialize`).
    public init(folder: String, environment: Environment) {
        self.environment = environment
        root = folder
        session = Self.defaultSession()
    }

    /// The session without a configuration: at start, and while `.guidekit.yml` is broken.
    private static func defaultSession() -> CheckSession {
        CheckSession(configuration: nil, paths: [], input: GuideInput(), profiles: (try? SessionLoader.profiles(extraFolder: nil)) ?? [])
    }

    // MARK: - Input

    /// Bytes read from the client, in any chunks.
    public func receive(_ bytes: Data) {
        reader.append(bytes)
        while exitStatus == nil, let item = reader.next() {
            switch item {
            case .framingError(let reason):
                environment.log("guidekit lsp: \(reason)")
            case .message(let body):
                switch Message.decode(body) {
                case .success(let message): handle(message)
                case .failure(let failure): environment.send(.response(id: failure.id, result: nil, error: failure.error))
                }
            }
        }
    }

    public func handle(_ message: Message) {
        switch message {
        case .request(let id, let method, let params):
            let result: Result<JSONValue, ResponseError>
            do {
                result = .success(try respond(to: method, params: params))
            } catch let error as ResponseError {
                result = .failure(error)
            } catch {
                result = .failure(ResponseError(.invalidParams, "invalid params for \(method): \(Self.describe(error))"))
            }
            switch result {
            case .success(let value): environment.send(.response(id: id, result: value, error: nil))
            case .failure(let error): environment.send(.response(id: id, result: nil, error: error))
            }
        case .notification(let method, let params):
            do {
                try notice(method, params: params)
            } catch {
                environment.log("guidekit lsp: ignored \(method): \(Self.describe(error))")
            }
        case .response:
            break  // answers to the server's own requests (registerCapability): nothing to do
        }
    }

    // MARK: - Requests

    private func respond(to method: String, params: JSONValue?) throws -> JSONValue {
        if method == "initialize" {
            guard state == .uninitialized else { throw ResponseError(.invalidRequest, "initialize was already received") }
            return try initialize(try decode(InitializeParams.self, params))
        }
        switch state {
        case .uninitialized: throw ResponseError(.serverNotInitialized, "the server has not been initialized")
        case .shuttingDown: throw ResponseError(.invalidRequest, "the server is shutting down")
        case .running: break
        }
        switch method {
        case "shutdown":
            state = .shuttingDown
            return .null
        case "textDocument/codeAction":
            let params = try decode(CodeActionParams.self, params)
            guard let document = current(params.textDocument.uri) else { return .array([]) }
            return try JSONValue.from(CodeActionProvider.actions(for: params, in: document))
        case "textDocument/hover":
            let params = try decode(TextDocumentPositionParams.self, params)
            guard let document = current(params.textDocument.uri),
                  let hover = HoverProvider.hover(at: params.position, in: document) else { return .null }
            return try JSONValue.from(hover)
        default:
            throw ResponseError(.methodNotFound, "GuideKit's server does not handle '\(method)'")
        }
    }

    private func initialize(_ params: InitializeParams) throws -> JSONValue {
        let folder = params.workspaceFolders?.first.flatMap { DocumentPaths.filePath(of: $0.uri) }
            ?? params.rootUri.flatMap(DocumentPaths.filePath(of:)) ?? params.rootPath
        if let folder {
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder, isDirectory: &isDirectory), isDirectory.boolValue {
                root = folder
                environment.enterWorkspace(folder)
            }
        }
        loadSession()
        state = .running
        let watches = params.capabilities?["workspace"]?["didChangeWatchedFiles"]?["dynamicRegistration"] == .bool(true)
        if watches { environment.later { [weak self] in self?.registerWatchers() } }
        return .object([
            "capabilities": .object([
                "positionEncoding": .string("utf-16"),
                "textDocumentSync": .object([
                    "openClose": .bool(true),
                    "change": .integer(2),  // incremental
                    "save": .object(["includeText": .bool(false)]),
                ]),
                "codeActionProvider": .object(["codeActionKinds": .array([.string("quickfix")])]),
                "hoverProvider": .bool(true),
            ]),
            "serverInfo": .object(["name": .string("guidekit"), "version": .string(GuideKitVersion.current)]),
        ])
    }

    /// Asks the client to report changes to the configuration, profiles and baseline files.
    private func registerWatchers() {
        let patterns = ["**/.guidekit.yml", "**/*.yml", "**/*.json"]
        let registration: JSONValue = .object([
            "registrations": .array([.object([
                "id": .string("guidekit-watched-files"),
                "method": .string("workspace/didChangeWatchedFiles"),
                "registerOptions": .object(["watchers": .array(patterns.map { .object(["globPattern": .string($0)]) })]),
            ])]),
        ])
        environment.send(.request(id: .string("guidekit-\(nextRequestID)"), method: "client/registerCapability", params: registration))
        nextRequestID += 1
    }

    // MARK: - Notifications

    private func notice(_ method: String, params: JSONValue?) throws {
        switch method {
        case "exit":
            exitStatus = state == .shuttingDown ? 0 : 1
            return
        case "initialized", "$/cancelRequest", "$/setTrace", "workspace/didChangeConfiguration":
            return
        default:
            break
        }
        guard state == .running else { return }
        switch method {
        case "textDocument/didOpen":
            let item = try decode(DidOpenTextDocumentParams.self, params).textDocument
            guard CheckedDocument.isGuide(uri: item.uri, languageID: item.languageId) else { return }
            documents[item.uri] = CheckedDocument(text: TextDocument(uri: item.uri, version: item.version, text: item.text))
            check(item.uri)
        case "textDocument/didChange":
            let params = try decode(DidChangeTextDocumentParams.self, params)
            guard var document = documents[params.textDocument.uri] else { return }
            document.text.apply(params.contentChanges, version: params.textDocument.version)
            documents[params.textDocument.uri] = document
            let uri = params.textDocument.uri, version = document.text.version
            // Changes that arrive together are checked once, at the newest version.
            environment.later { [weak self] in
                guard let self, let document = self.documents[uri], document.text.version == version, !document.isCurrent else { return }
                self.check(uri)
            }
        case "textDocument/didSave":
            let uri = try decode(DidSaveTextDocumentParams.self, params).textDocument.uri
            if Self.isSettingsFile(uri) { reloadSession() } else if documents[uri] != nil { check(uri) }
        case "textDocument/didClose":
            let uri = try decode(DidCloseTextDocumentParams.self, params).textDocument.uri
            if documents.removeValue(forKey: uri) != nil {
                publish(PublishDiagnosticsParams(uri: uri, version: nil, diagnostics: []))
            }
        case "workspace/didChangeWatchedFiles":
            let changes = try decode(DidChangeWatchedFilesParams.self, params).changes
            if changes.contains(where: { Self.isSettingsFile($0.uri) || affectsSession($0.uri) }) { reloadSession() }
        default:
            break  // notifications a server may ignore
        }
    }

    // MARK: - Session

    /// The session `guidekit check` would use in the workspace folder. A broken configuration
    /// is reported (a message and a diagnostic on the file) and the defaults apply meanwhile.
    private func loadSession() {
        do {
            session = try SessionLoader.session(in: root)
            baseline = try? session.readBaseline()
        } catch {
            session = Self.defaultSession()
            baseline = nil
            environment.send(.notification(method: "window/showMessage", params: .object([
                "type": .integer(1),
                "message": .string("GuideKit: \(error); checking with the default settings until it is fixed"),
            ])))
        }
    }

    private func reloadSession() {
        loadSession()
        for uri in documents.keys.sorted() {
            documents[uri]?.checkedVersion = nil
            check(uri)
        }
    }

    private static func isSettingsFile(_ uri: String) -> Bool {
        uri.hasSuffix("/.guidekit.yml")
    }

    /// Whether a changed file is one of the session's profiles or its baseline.
    private func affectsSession(_ uri: String) -> Bool {
        guard let path = DocumentPaths.filePath(of: uri) else { return false }
        let relative = DocumentPaths.guidePath(of: uri, root: root)
        if let baselinePath = session.baselinePath, relative == baselinePath || path == baselinePath { return true }
        if let profiles = session.configuration?.profiles {
            let folder = profiles.hasSuffix("/") ? profiles : profiles + "/"
            return relative.hasPrefix(folder) || path.hasPrefix(folder)
        }
        return false
    }

    // MARK: - Checking

    /// The document, checked at its current version.
    private func current(_ uri: String) -> CheckedDocument? {
        guard let document = documents[uri] else { return nil }
        if !document.isCurrent { check(uri) }
        return documents[uri]
    }

    private func check(_ uri: String) {
        guard var document = documents[uri] else { return }
        let path = DocumentPaths.guidePath(of: uri, root: root)
        DocumentCheck.run(&document, path: path, session: session, baseline: baseline, known: verdicts.all)
        documents[uri] = document
        publish(PublishDiagnosticsParams(uri: uri, version: document.text.version, diagnostics: DocumentCheck.diagnostics(of: document)))
        verifyInBackground(document.pending.subtracting(verifying))
    }

    /// Verifies digests off the queue; when done, re-checks the documents that wait for them.
    private func verifyInBackground(_ requests: Set<VerificationRequest>) {
        guard !requests.isEmpty else { return }
        verifying.formUnion(requests)
        let budget = session.checker.digestBudget
        environment.background { [environment] in
            let results = VerificationPool.verify(requests, budget: budget)
            environment.later { [weak self] in self?.verified(results, for: requests) }
        }
    }

    private func verified(_ results: [VerificationRequest: DigestVerification], for requests: Set<VerificationRequest>) {
        verifying.subtract(requests)
        verdicts.insert(results)
        for uri in documents.keys.sorted() where documents[uri].map({ !$0.pending.isDisjoint(with: requests) }) == true {
            documents[uri]?.checkedVersion = nil
            check(uri)
        }
    }

    private func publish(_ params: PublishDiagnosticsParams) {
        guard let value = try? JSONValue.from(params) else { return }
        environment.send(.notification(method: "textDocument/publishDiagnostics", params: value))
    }

    // MARK: - Helpers

    private func decode<T: Decodable>(_ type: T.Type, _ params: JSONValue?) throws -> T {
        guard let params else { throw ResponseError(.invalidParams, "params are missing") }
        return try params.decode(T.self)
    }

    static func describe(_ error: any Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            "wrong value at '\(context.codingPath.map(\.stringValue).joined(separator: "."))'"
        default: "\(error)"
        }
    }
}

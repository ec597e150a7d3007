import Foundation
import Testing
@testable import GuideChecks
@testable import GuideDocument
@testable import GuideLSP
@testable import LSPProtocol

/// Drives `GuideLanguageServer` in memory as an editor would, with the background and the
/// server queue under the test's control, so the order of publications is exact.
final class LSPHarness: @unchecked Sendable {
    private let lock = NSLock()
    private var sent: [Message] = []
    private var later: [@Sendable () -> Void] = []
    private var background: [@Sendable () -> Void] = []
    private(set) var server: GuideLanguageServer!
    private var nextID = 1

    init(folder: String) {
        server = GuideLanguageServer(folder: folder, environment: .init(
            send: { [unowned self] message in lock.withLock { sent.append(message) } },
            background: { [unowned self] work in lock.withLock { background.append(work) } },
            later: { [unowned self] work in lock.withLock { later.append(work) } },
            log: { _ in }))
    }

    /// Handles the queued server work, as the queue would after each message.
    func drain() {
        while let work = lock.withLock({ later.isEmpty ? nil : later.removeFirst() }) { work() }
    }

    /// Runs the background work (digest verification), then what it queued.
    func runBackground() {
        while let work = lock.withLock({ background.isEmpty ? nil : background.removeFirst() }) { work() }
        drain()
    }

    var pendingBackground: Int { lock.withLock { background.count } }

    func notify(_ method: String, _ params: JSONValue) {
        server.handle(.notification(method: method, params: params))
        drain()
    }

    @discardableResult
    func request(_ method: String, _ params: JSONValue?) -> Message? {
        let id = RequestID.number(nextID)
        nextID += 1
        server.handle(.request(id: id, method: method, params: params))
        drain()
        return lock.withLock { sent.last { if case .response(id, _, _) = $0 { true } else { false } } }
    }

    func result(_ method: String, _ params: JSONValue?) throws -> JSONValue {
        guard case .response(_, let result?, nil)? = request(method, params) else { throw HarnessError.noResult(method) }
        return result
    }

    enum HarnessError: Error { case noResult(String) }

    /// Every publishDiagnostics for `uri`, in order.
    func publications(_ uri: String) -> [PublishDiagnosticsParams] {
        lock.withLock { sent }.compactMap { message in
            guard case .notification("textDocument/publishDiagnostics", let params?) = message,
                  let decoded = try? params.decode(PublishDiagnosticsParams.self), decoded.uri == uri else { return nil }
            return decoded
        }
    }

    func messages() -> [Message] { lock.withLock { sent } }

    func initialize(root: URL) throws {
        _ = try result("initialize", .object(["processId": .null, "rootUri": .string(root.absoluteString), "capabilities": .object([:])]))
        notify("initialized", .object([:]))
    }

    func open(_ uri: String, _ text: String, version: Int = 1) {
        notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string(uri), "languageId": .string("markdown"), "version": .integer(version), "text": .string(text)])]))
    }

    func change(_ uri: String, version: Int, range: LSPProtocol.Range?, text: String) throws {
        var change: [String: JSONValue] = ["text": .string(text)]
        if let range { change["range"] = try JSONValue.from(range) }
        notify("textDocument/didChange", .object(["textDocument": .object(["uri": .string(uri), "version": .integer(version)]),
                                                  "contentChanges": .array([.object(change)])]))
    }
}

struct LanguageServerTests {
    static let proxmox = try! ProjectFiles.text("docs/guides/proxmox.md")

    /// The bundled guide with a wrong client id on a line that also holds non-ASCII text.
    static var brokenGuide: String {
        proxmox.replacingOccurrences(of: "      - client_id: 'proxmox'", with: "      - client_id: 'pve' # é🎉")
    }

    static func fixture() throws -> (TemporaryFolder, LSPHarness, String) {
        let folder = try TemporaryFolder()
        let path = try folder.write("docs/proxmox.md", Data(brokenGuide.utf8))
        let harness = LSPHarness(folder: folder.url.path)
        try harness.initialize(root: folder.url)
        return (folder, harness, URL(fileURLWithPath: path).absoluteString)
    }

    @Test func diagnosticsMatchCheckWithUTF16Ranges() throws {
        let (folder, harness, uri) = try Self.fixture()
        harness.open(uri, Self.brokenGuide)
        let published = try #require(harness.publications(uri).last)
        #expect(published.version == 1)
        // The same findings as `guidekit check` on the file.
        let (_, findings) = Checker(profiles: try SessionLoader.profiles(extraFolder: nil)).check(path: "docs/proxmox.md", text: Self.brokenGuide)
        #expect(published.diagnostics.map(\.code) == findings.filter(\.isActive).map(\.ruleID))
        let mismatch = try #require(published.diagnostics.first { $0.code == "client-id-mismatch" })
        let line = try #require(Self.brokenGuide.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0.contains("client_id: 'pve'") })
        // "      - client_id: 'pve' # é🎉": 'pve' with quotes starts at scalar column 20.
        #expect(mismatch.range == LSPProtocol.Range(start: Position(line: line, character: 19), end: Position(line: line, character: 24)))
        #expect(mismatch.severity == .error && mismatch.source == "guidekit")
        #expect(mismatch.codeDescription?.href.hasSuffix("docs/rules/client-id-mismatch.md") == true)
        #expect(mismatch.relatedInformation?.first?.message.hasPrefix("help: ") == true)
        _ = folder
    }

    @Test func rangesOverAnEmojiCountUTF16Units() throws {
        let (_, harness, uri) = try Self.fixture()
        // The wrong id holds an emoji: one scalar for GuideKit, two UTF-16 units for LSP.
        let text = Self.brokenGuide.replacingOccurrences(of: "client_id: 'pve' # é🎉", with: "client_id: '🎉pve'")
        harness.open(uri, text)
        let mismatch = try #require(harness.publications(uri).last?.diagnostics.first { $0.code == "client-id-mismatch" })
        // "      - client_id: '🎉pve'": the quoted value starts at scalar column 20 and spans
        // 6 scalars ('🎉pve' with its quotes), 7 UTF-16 units.
        #expect(mismatch.range.start.character == 19)
        #expect(mismatch.range.end.character == 26)
    }

    @Test func quickFixEditsGiveTheFixersText() throws {
        let (_, harness, uri) = try Self.fixture()
        harness.open(uri, Self.brokenGuide)
        let diagnostic = try #require(harness.publications(uri).last?.diagnostics.first { $0.code == "client-id-mismatch" })
        let actions = try harness.result("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": try JSONValue.from(diagnostic.range),
            "context": .object(["diagnostics": .array([try JSONValue.from(diagnostic)])])])).decode([CodeAction].self)
        let fix = try #require(actions.first { $0.isPreferred == true })
        var document = TextDocument(uri: uri, version: 1, text: Self.brokenGuide)
        for edit in try #require(fix.edit.changes[uri]).reversed() {
            document.apply(TextDocumentContentChangeEvent(range: edit.range, text: edit.newText))
        }
        #expect(document.text == Self.brokenGuide.replacingOccurrences(of: "client_id: 'pve'", with: "client_id: 'proxmox'"))
        // The same edit `guidekit fix` applies.
        let finding = try #require(Checker(profiles: try SessionLoader.profiles(extraFolder: nil)).check(path: "docs/proxmox.md", text: Self.brokenGuide).1.first { $0.ruleID == "client-id-mismatch" })
        #expect(TextEdit.apply(try #require(finding.fix).edits, to: Self.brokenGuide) == document.text)

        // "Disable for the next line" inserts a YAML comment with a reason above the line,
        // after which the finding is gone and no suppression warning appears.
        let disable = try #require(actions.first { $0.title.contains("disable client-id-mismatch") })
        let edit = try #require(disable.edit.changes[uri]?.first)
        #expect(edit.newText == "      # guidekit-disable-next-line client-id-mismatch: explain why\n")
        var silenced = TextDocument(uri: uri, version: 1, text: Self.brokenGuide)
        silenced.apply(TextDocumentContentChangeEvent(range: edit.range, text: edit.newText))
        try harness.change(uri, version: 2, range: nil, text: silenced.text)
        let after = try #require(harness.publications(uri).last)
        #expect(after.version == 2)
        #expect(!after.diagnostics.contains { $0.code == "client-id-mismatch" || $0.code == "unused-suppression" || $0.code == "suppression-reason" })
    }

    @Test func disableOutsideCodeBlocksIsAMarkdownComment() throws {
        let (_, harness, uri) = try Self.fixture()
        let text = Self.proxmox.replacingOccurrences(of: "- __Application Root URL:__ `https://proxmox.example.com/`",
                                                     with: "- __Application Root URL:__ `ftp://proxmox`")
        harness.open(uri, text)
        let diagnostic = try #require(harness.publications(uri).last?.diagnostics.first { $0.code == "assumption-value" })
        let actions = try harness.result("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": try JSONValue.from(diagnostic.range),
            "context": .object(["diagnostics": .array([])])])).decode([CodeAction].self)
        let edit = try #require(actions.first { $0.title.contains("disable assumption-value") }?.edit.changes[uri]?.first)
        #expect(edit.newText == "<!-- guidekit-disable-next-line assumption-value: explain why -->\n")
        #expect(edit.range.start == Position(line: diagnostic.range.start.line, character: 0))
    }

    @Test func hoverExplainsRulesAndShowsAssumptionUsages() throws {
        let (_, harness, uri) = try Self.fixture()
        harness.open(uri, Self.brokenGuide)
        let diagnostic = try #require(harness.publications(uri).last?.diagnostics.first { $0.code == "client-id-mismatch" })
        let hover = try harness.result("textDocument/hover", .object(["textDocument": .object(["uri": .string(uri)]),
                                                                     "position": try JSONValue.from(diagnostic.range.start)])).decode(Hover.self)
        #expect(hover.contents.value.hasPrefix("**client-id-mismatch** (error)"))
        #expect(hover.contents.value.contains("[Rule page]("))
        // On the Application Root URL's value: the lines that use it.
        let lines = Self.brokenGuide.split(separator: "\n", omittingEmptySubsequences: false)
        let assumptionLine = try #require(lines.firstIndex { $0.contains("__Application Root URL:__") })
        let character = lines[assumptionLine].utf16.count - 5
        let usage = try harness.result("textDocument/hover", .object(["textDocument": .object(["uri": .string(uri)]),
                                                                     "position": .object(["line": .integer(assumptionLine), "character": .integer(character)])])).decode(Hover.self)
        #expect(usage.contents.value.hasPrefix("**Application Root URL**: `https://proxmox.example.com/`"))
        let users = lines.enumerated().filter { $0.offset != assumptionLine && $0.element.contains("https://proxmox.example.com") }.map(\.offset)
        #expect(!users.isEmpty)
        for user in users { #expect(usage.contents.value.contains("- line \(user + 1)")) }
        // Nothing to say elsewhere: null.
        guard case .response(_, let nothing, nil)? = harness.request("textDocument/hover", .object([
            "textDocument": .object(["uri": .string(uri)]), "position": .object(["line": .integer(0), "character": .integer(0)])])) else {
            Issue.record("no response"); return
        }
        #expect(nothing == .null)
    }

    /// Digests are verified off the typing path: the first publication comes without the
    /// verdict, the background's result is published after, and later checks reuse it.
    @Test func digestVerdictsArePublishedWhenReady() throws {
        let (_, harness, uri) = try Self.fixture()
        let text = Self.proxmox.replacingOccurrences(of: "- __Client Secret:__ `insecure_secret`", with: "- __Client Secret:__ `another_secret`")
        harness.open(uri, text)
        #expect(!(harness.publications(uri).last?.diagnostics.contains { $0.code == "client-secret-mismatch" } ?? true))
        #expect(harness.pendingBackground == 1)
        harness.runBackground()
        let verified = try #require(harness.publications(uri).last)
        #expect(verified.diagnostics.contains { $0.code == "client-secret-mismatch" })
        // An edit elsewhere: the cached verdict is used at once, nothing is verified again.
        try harness.change(uri, version: 2, range: LSPProtocol.Range(start: Position(line: 0, character: 0), end: Position(line: 0, character: 0)), text: "")
        #expect(harness.pendingBackground == 0)
        #expect(harness.publications(uri).last?.diagnostics.contains { $0.code == "client-secret-mismatch" } == true)
    }

    @Test func configurationChangesArePickedUp() throws {
        let (folder, harness, uri) = try Self.fixture()
        harness.open(uri, Self.brokenGuide)
        #expect(harness.publications(uri).last?.diagnostics.contains { $0.code == "client-id-mismatch" } == true)
        let config = try folder.write(".guidekit.yml", Data("disable: [client-id-mismatch]\n".utf8))
        harness.notify("workspace/didChangeWatchedFiles", .object(["changes": .array([.object([
            "uri": .string(URL(fileURLWithPath: config).absoluteString), "type": .integer(1)])])]))
        #expect(harness.publications(uri).last?.diagnostics.contains { $0.code == "client-id-mismatch" } == false)
        // A broken configuration is reported, and checking goes on with the defaults.
        _ = try folder.write(".guidekit.yml", Data("disable: [no-such-rule]\nunknown_key: 1\n".utf8))
        harness.notify("workspace/didChangeWatchedFiles", .object(["changes": .array([.object([
            "uri": .string(URL(fileURLWithPath: config).absoluteString), "type": .integer(2)])])]))
        #expect(harness.messages().contains { if case .notification("window/showMessage", _) = $0 { true } else { false } })
        #expect(harness.publications(uri).last?.diagnostics.contains { $0.code == "client-id-mismatch" } == true)
    }

    @Test func lifecycleAndErrors() throws {
        let folder = try TemporaryFolder()
        let harness = LSPHarness(folder: folder.url.path)
        // Before initialize: ServerNotInitialized.
        guard case .response(_, _, let early?)? = harness.request("textDocument/hover", .object([:])) else { Issue.record("no error"); return }
        #expect(early.code == ErrorCode.serverNotInitialized.rawValue)
        try harness.initialize(root: folder.url)
        guard case .response(_, _, let unknown?)? = harness.request("textDocument/definition", .object([:])) else { Issue.record("no error"); return }
        #expect(unknown.code == ErrorCode.methodNotFound.rawValue)
        guard case .response(_, _, let invalid?)? = harness.request("textDocument/hover", .object(["position": .string("x")])) else { Issue.record("no error"); return }
        #expect(invalid.code == ErrorCode.invalidParams.rawValue)
        // Bytes that are no JSON: a ParseError response with id null.
        harness.server.receive(LSPProtocolTests.framed("{oops"))
        guard case .response(nil, _, let parse?)? = harness.messages().last else { Issue.record("no parse error"); return }
        #expect(parse.code == ErrorCode.parseError.rawValue)
        #expect(harness.server.exitStatus == nil)
        _ = harness.request("shutdown", nil)
        guard case .response(_, _, let late?)? = harness.request("textDocument/hover", .object([:])) else { Issue.record("no error"); return }
        #expect(late.code == ErrorCode.invalidRequest.rawValue)
        harness.notify("exit", .null)
        #expect(harness.server.exitStatus == 0)
        // Exit without shutdown: status 1.
        let other = LSPHarness(folder: folder.url.path)
        try other.initialize(root: folder.url)
        other.notify("exit", .null)
        #expect(other.server.exitStatus == 1)
    }

    @Test func closingClearsDiagnosticsAndOtherFilesAreIgnored() throws {
        let (_, harness, uri) = try Self.fixture()
        harness.open(uri, Self.brokenGuide)
        harness.notify("textDocument/didClose", .object(["textDocument": .object(["uri": .string(uri)])]))
        #expect(harness.publications(uri).last?.diagnostics.isEmpty == true)
        harness.notify("textDocument/didOpen", .object(["textDocument": .object([
            "uri": .string("file:///tmp/x/.guidekit.yml"), "languageId": .string("yaml"), "version": .integer(1), "text": .string("paths: [")])]))
        #expect(harness.publications("file:///tmp/x/.guidekit.yml").isEmpty)
    }
}

extension CommandLineTests {
    static func framed(_ messages: [String]) -> String {
        messages.map { "Content-Length: \($0.utf8.count)\r\n\r\n\($0)" }.joined()
    }

    /// The real executable: `shutdown` then `exit` ends with 0; standard input closing without
    /// `exit` with 1; `--help` gives the editor set-ups (issue 27).
    @Test func lspExitStatusesAndHelp() throws {
        let folder = try TemporaryFolder()
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"rootUri":"\#(folder.url.absoluteString)","capabilities":{}}}"#
        let clean = try run(["lsp"], in: folder.url.path, input: Self.framed([initialize, #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#, #"{"jsonrpc":"2.0","method":"exit"}"#]))
        #expect(clean.status == 0, "\(clean.stderr)")
        #expect(clean.stdout.contains(#""serverInfo":{"name":"guidekit""#))
        #expect(clean.stdout.contains(#"{"id":2,"jsonrpc":"2.0","result":null}"#))
        let abandoned = try run(["lsp"], in: folder.url.path, input: Self.framed([initialize, "{broken"]))
        #expect(abandoned.status == 1)
        #expect(abandoned.stdout.contains(#""code":-32700"#))
        let help = try run(["lsp", "--help"])
        #expect(help.status == 0)
        for snippet in ["editors/vscode", "vim.lsp.start", "[language-server.guidekit]", "eglot-server-programs", "docs/EDITORS.md"] {
            #expect(help.stdout.contains(snippet), "lsp --help lacks \(snippet)")
        }
    }
}

/// The walk up to the nearest `.guidekit.yml` ends for any start, also one that does not exist
/// or is empty (a deleted current folder): it once ran for ever and hung every command.
struct ConfigSearchTests {
    @Test(arguments: ["", ".", "/nonexistent/a/b/c", "relative/path/that/does/not/exist", "../../.."])
    func findEnds(_ start: String) {
        _ = ConfigFile.find(from: start)
    }
}

extension CommandLineTests {
    /// A command started in a folder that was deleted meanwhile ends (it used to spin for ever
    /// looking for `.guidekit.yml` above a folder that is gone).
    @Test func aDeletedCurrentFolderDoesNotHang() throws {
        let folder = try TemporaryFolder()
        let guide = ProjectFiles.root.appendingPathComponent("docs/guides/proxmox.md").path
        let script = "mkdir gone && cd gone && rmdir ../gone && exec timeout 30 \"$0\" check \"$1\""
        let result = try run(["-c", script, Self.executable.path, guide], in: folder.url.path, shell: true)
        #expect(result.status != 124, "guidekit check did not end in a deleted folder")
        #expect(result.status == 0, "\(result.stderr)")
    }
}

extension LanguageServerTests {
    /// No "disable" action inside front matter (a comment there silences nothing), and a
    /// context holding another server's diagnostic (numeric code) does not fail the request.
    @Test func codeActionsInFrontMatterAndForeignDiagnostics() throws {
        let (_, harness, uri) = try Self.fixture()
        let text = Self.proxmox.replacingOccurrences(of: "application: \"Proxmox VE\"", with: "application: \"Proxmoxx\"")
        harness.open(uri, text)
        let diagnostic = try #require(harness.publications(uri).last?.diagnostics.first { $0.range.start.line < 6 })
        let foreign: JSONValue = .object(["range": try JSONValue.from(diagnostic.range), "message": .string("x"), "code": .integer(42), "severity": .integer(9)])
        let actions = try harness.result("textDocument/codeAction", .object([
            "textDocument": .object(["uri": .string(uri)]), "range": try JSONValue.from(diagnostic.range),
            "context": .object(["diagnostics": .array([foreign, try JSONValue.from(diagnostic)])])])).decode([CodeAction].self)
        #expect(!actions.contains { $0.title.contains("disable") }, "\(actions.map(\.title))")
    }
}

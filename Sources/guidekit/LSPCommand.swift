import ArgumentParser
import Dispatch
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import GuideDocument
import GuideLSP
import LSPProtocol

struct LSPCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lsp",
        abstract: "Run GuideKit as a language server (findings as you type, fixes as code actions, rule help on hover).",
        discussion: """
            Speaks the Language Server Protocol (3.17) over standard input and output; an \
            editor starts it. It reads .guidekit.yml from the workspace folder the way \
            `guidekit check` does, and picks up changes to it. Digests are verified in the \
            background: a keystroke never waits for one.

            VS Code: the extension in editors/vscode (language client only): \
            `cd editors/vscode && npm install && npx @vscode/vsce package`, then install the .vsix; \
            it runs `guidekit lsp` for Markdown files (setting guidekit.path).

            Neovim 0.8 or later (init.lua):
              vim.api.nvim_create_autocmd("FileType", { pattern = "markdown", callback = function()
                vim.lsp.start({ name = "guidekit", cmd = { "guidekit", "lsp" },
                  root_dir = vim.fs.dirname(vim.fs.find({ ".guidekit.yml", ".git" }, { upward = true })[1]) })
              end })

            Helix (languages.toml):
              [language-server.guidekit]
              command = "guidekit"
              args = ["lsp"]
              [[language]]
              name = "markdown"
              language-servers = ["marksman", "guidekit"]

            Emacs 29 or later (eglot):
              (with-eval-after-load 'eglot
                (add-to-list 'eglot-server-programs '(markdown-mode . ("guidekit" "lsp"))))

            docs/EDITORS.md has the details. The server exits with 0 after `shutdown` and \
            `exit`, 1 when the client exits without `shutdown` or standard input closes first.
            """
    )

    func run() throws {
        let queue = DispatchQueue(label: "guidekit.lsp")
        let output = OutputChannel()
        let server = GuideLanguageServer(folder: FileManager.default.currentDirectoryPath, environment: .init(
            send: { output.write(MessageWriter.frame($0.encoded())) },
            background: { work in DispatchQueue.global(qos: .utility).async(execute: work) },
            later: { work in queue.async(execute: work) },
            log: { Console.err($0 + "\n") },
            enterWorkspace: { _ = FileManager.default.changeCurrentDirectoryPath($0) }))
        // Standard input is read on this thread; every message is handled on the server's
        // queue, in order, with the background verifications' results in between.
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            let count = buffer.withUnsafeMutableBytes { read(STDIN_FILENO, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { break }
            let bytes = Data(buffer[0..<count])
            let status: Int32? = queue.sync {
                server.receive(bytes)
                return server.exitStatus
            }
            if let status { Foundation.exit(status) }
            if output.failed { Foundation.exit(ExitStatus.inputFailure.rawValue) }
        }
        // Standard input closed without `exit`: the client is gone.
        let status = queue.sync { server.exitStatus }
        Foundation.exit(status ?? 1)
    }
}

/// Standard output for protocol messages: written whole, in order, from any thread.
final class OutputChannel: @unchecked Sendable {
    private let lock = NSLock()
    private var error = false

    var failed: Bool {
        lock.lock()
        defer { lock.unlock() }
        return error
    }

    func write(_ data: Data) {
        lock.lock()
        defer { lock.unlock() }
        guard !error else { return }
        if !PrivateFiles.writeAll(Array(data), to: STDOUT_FILENO) { error = true }
    }
}

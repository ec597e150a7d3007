-- Headless Neovim as a user's editor: open a guide, attach `guidekit lsp` (vim.lsp.start_client,
-- which Neovim 0.7 has; 0.8 and later also offer vim.lsp.start), wait for diagnostics, and write
-- them as JSON to $GUIDEKIT_NVIM_OUT. Run by scripts/check-lsp:
--   GUIDEKIT=... GUIDEKIT_NVIM_OUT=... nvim --headless --clean -c "luafile neovim-diagnostics.lua" GUIDE
local guidekit = os.getenv("GUIDEKIT")
local out = os.getenv("GUIDEKIT_NVIM_OUT")
local root = vim.fn.getcwd()
local client = vim.lsp.start_client({ name = "guidekit", cmd = { guidekit, "lsp" }, root_dir = root })
vim.lsp.buf_attach_client(0, client)
local received = vim.wait(20000, function() return #vim.diagnostic.get(0) > 0 end, 50)
local result = {}
for _, d in ipairs(vim.diagnostic.get(0)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  table.insert(result, { line = d.lnum + 1, byte_column = d.col, code = code, message = d.message, severity = d.severity })
end
local file = io.open(out, "w")
file:write(vim.fn.json_encode({ received = received, diagnostics = result, filetype = vim.bo.filetype }))
file:close()
vim.lsp.stop_client(client)
vim.wait(2000, function() return vim.lsp.get_client_by_id(client) == nil end, 50)
vim.cmd("qa!")

using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace TeamsCrm.E2E.Tests;

/// <summary>
/// The Microsoft 365 Agents Playground (npm @microsoft/m365agentsplayground, the local Teams client) as a
/// child process on a free port, sending to the bot at <c>botBaseUrl</c>/api/messages. It gets a temporary
/// working directory of its own because it writes devTools/m365agentsplayground.log there; the configuration
/// comes from M365_AGENTS_PLAYGROUND_CONFIG_PATH (0.2.28 reads that variable before looking in its cwd).
/// </summary>
public sealed class PlaygroundProcess : IAsyncDisposable
{
    static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);   // node start-up on a busy 2-core machine
    readonly Process _process;
    readonly string _workDir;
    readonly StringBuilder _output = new();

    public Uri BaseUrl { get; }
    public string LogPath => Path.Combine(_workDir, "devTools", "m365agentsplayground.log");

    PlaygroundProcess(Process process, string workDir, Uri baseUrl) => (_process, _workDir, BaseUrl) = (process, workDir, baseUrl);

    /// <param name="configPath">A playground .yml; by default the repository's (Li Na).</param>
    public static async Task<PlaygroundProcess> StartAsync(Uri botBaseUrl, string? configPath = null)
    {
        var root = RepoRoot();
        var cli = Path.Combine(root, "node_modules", "@microsoft", "m365agentsplayground", "cli.js");
        if (!File.Exists(cli))
            throw new InvalidOperationException($"The Agents Playground is not installed ({cli} is missing). Run `npm ci` in {root}, then run the tests again.");

        var port = FreeLoopbackPort();
        var start = new ProcessStartInfo("node")
        {
            WorkingDirectory = Directory.CreateTempSubdirectory("teamscrm-e2e-").FullName,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { cli, "-p", port.ToString(CultureInfo.InvariantCulture), "-e", new Uri(botBaseUrl, "api/messages").ToString(), "-c", "msteams", "--dt" })
            start.ArgumentList.Add(arg);
        start.Environment["TEAMSAPPTESTER_BROWSER"] = "none";   // otherwise it tries to open a browser
        start.Environment["M365_AGENTS_PLAYGROUND_CONFIG_PATH"] = configPath ?? Path.Combine(root, ".m365agentsplayground.yml");
        // A developer's shell may carry these; they would move the port, the bot or the log away from what we read.
        foreach (var name in new[] { "TEAMSAPPTESTER_PORT", "BOT_ENDPOINT", "M365_AGENTS_PLAYGROUND_LOGFILE", "TEAMSAPPTESTER_LOGFILE" })
            start.Environment.Remove(name);

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("node did not start.");
        }
        catch (Win32Exception e)
        {
            Directory.Delete(start.WorkingDirectory, recursive: true);
            throw new InvalidOperationException($"Could not run `node` ({e.Message}). Install Node.js 20 or later, run `npm ci` in {root}, then run the tests again.", e);
        }

        var playground = new PlaygroundProcess(process, start.WorkingDirectory, new Uri($"http://127.0.0.1:{port}/"));
        process.OutputDataReceived += (_, e) => playground.Append(e.Data);
        process.ErrorDataReceived += (_, e) => playground.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await playground.WaitUntilReadyAsync();
        }
        catch
        {
            await playground.DisposeAsync();
            throw;
        }
        return playground;
    }

    public Task<PlaygroundClient> ConnectAsync() => PlaygroundClient.ConnectAsync(BaseUrl, Diagnostics);

    /// <summary>
    /// Ready when GET /_internal/v1/config returns the loaded configuration. Stdout's "Listening on" proves
    /// nothing: with an invalid .yml it prints that and then exits 1, the reason only in its log.
    /// </summary>
    async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseUrl, Timeout = TimeSpan.FromSeconds(2) };
        var clock = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"The Agents Playground exited with code {_process.ExitCode} before it was ready.\n{Diagnostics()}");
            try
            {
                using var response = await http.GetAsync("_internal/v1/config");
                if (response.IsSuccessStatusCode
                    && JsonNode.Parse(await response.Content.ReadAsStringAsync())?["config"]?["currentUser"]?["id"] is not null)
                    return;
            }
            catch (HttpRequestException) { }        // not listening yet
            catch (TaskCanceledException) { }       // listening but not answering yet
            if (clock.Elapsed > StartTimeout)
                throw new TimeoutException($"The Agents Playground did not answer GET /_internal/v1/config within {StartTimeout.TotalSeconds} s.\n{Diagnostics()}");
            await Task.Delay(100);
        }
    }

    /// <summary>What a failing test should show: the process's own output and the end of its log.</summary>
    public string Diagnostics()
    {
        string output;
        lock (_output) output = _output.ToString();
        var log = File.Exists(LogPath) ? File.ReadAllText(LogPath) : "(no log written)";
        const int Tail = 6000;   // the log holds every activity in full; the reason for a failure is at its end
        if (log.Length > Tail) log = "…" + log[^Tail..];
        return $"--- playground stdout/stderr ---\n{output}--- {LogPath} ---\n{log}";
    }

    void Append(string? line)
    {
        if (line is null) return;
        lock (_output) _output.AppendLine(line);
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited) _process.Kill(entireProcessTree: true);
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await _process.WaitForExitAsync(wait.Token);
        }
        catch (InvalidOperationException) { }   // it had already exited
        catch (OperationCanceledException) { }  // killed but slow to go; nothing more we can do
        _process.Dispose();
        try { Directory.Delete(_workDir, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    /// <summary>The folder holding TeamsCrm.sln, found from the test binaries (tests/…/bin/Debug/net10.0/).</summary>
    public static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "TeamsCrm.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No TeamsCrm.sln above {AppContext.BaseDirectory}.");
    }

    static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

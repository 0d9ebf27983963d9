using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace TeamsCrm.TestSupport;

/// <summary>
/// A real <c>redis-server</c> (the Debian package; tests/run-all.sh installs it) on a free loopback port, in memory only,
/// for the test that starts it; killed on dispose. <see cref="ConnectionString"/> is what <c>Scale:Redis</c> takes.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    readonly Process _process;

    RedisServer(Process process, int port) => (_process, Port) = (process, port);

    public int Port { get; }
    public string ConnectionString => $"127.0.0.1:{Port},abortConnect=False,connectTimeout=2000,syncTimeout=5000";

    public static async Task<RedisServer> StartAsync()
    {
        var executable = new[] { "/usr/bin/redis-server", "/usr/local/bin/redis-server" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException("redis-server is not installed: the Debian package redis-server (tests/run-all.sh installs it).");
        var port = FreePort();
        var start = new ProcessStartInfo(executable)
        {
            ArgumentList = { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "",
                "--appendonly", "no", "--daemonize", "no", "--loglevel", "warning" },
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, port);
        var waited = Stopwatch.StartNew();
        while (!await server.AnswersAsync())
        {
            if (process.HasExited || waited.Elapsed > TimeSpan.FromSeconds(10))
            {
                await server.DisposeAsync();
                throw new InvalidOperationException($"redis-server did not start on port {port}.");
            }
            await Task.Delay(20);
        }
        return server;
    }

    /// <summary>Whether it answers PING (RESP over a plain socket: no client library needed to know it is up).</summary>
    async Task<bool> AnswersAsync()
    {
        try
        {
            using var client = new TcpClient();
            await client.ConnectAsync(IPAddress.Loopback, Port);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray());
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>Stops it at once, as a crash or a failover would: what it held is gone.</summary>
    public void Kill()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        _process.WaitForExit();
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public ValueTask DisposeAsync()
    {
        Kill();
        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}

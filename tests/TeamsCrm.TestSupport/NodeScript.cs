using System.Diagnostics;
using System.Text.Json.Nodes;

namespace TeamsCrm.TestSupport;

/// <summary>Runs one of the repository's Node scripts with JSON on stdin and returns what it printed (a validator's verdicts).</summary>
public static class NodeScript
{
    public static async Task<string> RunAsync(string script, IEnumerable<string> arguments, JsonNode input)
    {
        var start = new ProcessStartInfo("node", [script, .. arguments])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Repo.Root,
        };
        using var node = Process.Start(start) ?? throw new InvalidOperationException("Could not start node.");
        var output = node.StandardOutput.ReadToEndAsync();
        var errors = node.StandardError.ReadToEndAsync();
        await node.StandardInput.WriteAsync(input.ToJsonString());
        node.StandardInput.Close();
        await node.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(60));
        if (node.ExitCode != 0) throw new InvalidOperationException($"{Path.GetFileName(script)} failed: {await errors}");
        return await output;
    }
}

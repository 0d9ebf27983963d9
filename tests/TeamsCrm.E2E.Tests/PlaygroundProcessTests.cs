namespace TeamsCrm.E2E.Tests;

/// <summary>The harness itself: a playground that cannot start must fail the test with its reason, not hang or pass.</summary>
public sealed class PlaygroundProcessTests
{
    [Fact]
    public async Task An_invalid_config_fails_with_the_reason_from_the_playground_log()
    {
        var config = Path.Combine(Directory.CreateTempSubdirectory("teamscrm-e2e-config-").FullName, "broken.yml");
        await File.WriteAllTextAsync(config, "version: \"0.1.1\"\ntenantId: t\n");   // no bot, no users: rejected
        try
        {
            // Port 9 (discard) never answers; the playground fails on its configuration before it tries the bot.
            var failure = await Assert.ThrowsAsync<InvalidOperationException>(
                () => PlaygroundProcess.StartAsync(new Uri("http://127.0.0.1:9/"), config));
            Assert.Contains("exited with code 1", failure.Message);
            Assert.Contains("Failed to parse config file", failure.Message);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(config)!, recursive: true);
        }
    }
}

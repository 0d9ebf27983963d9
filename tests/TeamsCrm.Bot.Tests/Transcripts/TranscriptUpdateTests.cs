using TeamsCrm.TestSupport;
using static TeamsCrm.TestSupport.Activities;

namespace TeamsCrm.Bot.Tests.Transcripts;

/// <summary>UPDATE_TRANSCRIPTS rewrites expected files, and a run with it set can never pass.</summary>
public class TranscriptUpdateTests
{
    [Fact]
    public void A_run_with_UPDATE_TRANSCRIPTS_set_fails_even_if_it_verifies_no_transcript() =>
        Assert.True(string.IsNullOrEmpty(Environment.GetEnvironmentVariable("UPDATE_TRANSCRIPTS")),
            "UPDATE_TRANSCRIPTS is set: this run rewrites expected transcripts and cannot pass. Review the diff and run again without it.");

    [Fact]
    public async Task With_UPDATE_TRANSCRIPTS_a_changed_transcript_is_rewritten_and_the_test_fails_at_its_end()
    {
        var name = "update-check." + Guid.NewGuid().ToString("N");
        var file = Repo.Path("tests", "TeamsCrm.Bot.Tests", "Transcripts", "Expected", name + ".json");
        await File.WriteAllTextAsync(file, "[]\n");
        try
        {
            var after = "";
            var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Transcript.AsIfUpdatingAsync(async () =>
            {
                await using var bot = await TestBot.StartAsync();
                await Transcript.VerifyAsync(name, bot, Message(bot.ServiceUrl, Demo.LiNa, "help"));
                after = "the test went on after the rewrite";
            }));

            Assert.Equal("the test went on after the rewrite", after);
            Assert.Contains($"{name}.json was rewritten. Review the diff, then run again without UPDATE_TRANSCRIPTS", e.Message, StringComparison.Ordinal);
            Assert.Contains("\"path\": \"/v3/conversations/", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        }
        finally { File.Delete(file); }
    }

    [Fact]
    public async Task With_UPDATE_TRANSCRIPTS_an_unchanged_transcript_still_fails_the_test()
    {
        var e = await Assert.ThrowsAsync<InvalidOperationException>(() => Transcript.AsIfUpdatingAsync(async () =>
        {
            await using var bot = await TestBot.StartAsync();
            await Transcript.VerifyAsync("help.en", bot, Message(bot.ServiceUrl, Demo.LiNa, "help"));
        }));
        Assert.Contains("transcript help.en is unchanged. Run again without UPDATE_TRANSCRIPTS", e.Message, StringComparison.Ordinal);
    }
}

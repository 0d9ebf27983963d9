using Microsoft.Extensions.Time.Testing;
using TeamsCrm.Bot.Teams;

namespace TeamsCrm.Bot.Tests.Memory;

/// <summary>The send logs the pacer keeps per conversation and tenant are bounded.</summary>
public class SendPacerMemoryTests
{
    [Fact]
    public async Task Past_the_capacity_the_send_log_of_the_conversation_that_sent_longest_ago_is_dropped()
    {
        var pacer = new SendPacer(new FakeTimeProvider());
        using var stop = new CancellationTokenSource();
        for (var i = 0; i < 7; i++) await pacer.WaitTurnAsync("tenant-0", "chat-0", stop.Token);
        var eighth = pacer.WaitTurnAsync("tenant-0", "chat-0", stop.Token);
        Assert.False(eighth.IsCompleted);   // 7 a second: it waits for the fake clock, which does not move
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => eighth);

        // Each send below is a tenant and a conversation of its own: two logs each.
        for (var i = 1; i <= SendPacer.MaxTracked / 2; i++) await pacer.WaitTurnAsync($"tenant-{i}", $"chat-{i}", CancellationToken.None);

        Assert.True(pacer.WaitTurnAsync("tenant-0", "chat-0", CancellationToken.None).IsCompleted);   // its log went first
    }
}

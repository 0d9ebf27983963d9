using System.Reflection;

namespace TeamsCrm.Bot.Turns;

/// <summary>
/// A handler method bound once at start-up: its <see cref="Turn"/> and <see cref="CancellationToken"/>
/// parameters receive the turn's, every other parameter is resolved from the turn's services. This keeps
/// handlers as plain static methods whose signature says what they need.
/// </summary>
public sealed class HandlerCall
{
    readonly Delegate _handler;
    readonly Type[] _parameters;

    HandlerCall(Delegate handler)
    {
        _handler = handler;
        _parameters = handler.Method.GetParameters().Select(p => p.ParameterType).ToArray();
    }

    public static HandlerCall Bind(Delegate handler)
    {
        var returns = handler.Method.ReturnType;
        if (returns != typeof(Task<Reply>) && returns != typeof(Reply))
            throw new ArgumentException($"Handler {handler.Method.Name} must return Reply or Task<Reply>.", nameof(handler));
        return new HandlerCall(handler);
    }

    public Task<Reply> InvokeAsync(Turn turn, IServiceProvider services, CancellationToken ct)
    {
        var args = new object?[_parameters.Length];
        for (var i = 0; i < args.Length; i++)
        {
            var type = _parameters[i];
            args[i] = type == typeof(Turn) ? turn
                : type == typeof(CancellationToken) ? ct
                : services.GetService(type) ?? throw new InvalidOperationException($"No service {type.Name} for handler {_handler.Method.Name}.");
        }
        try
        {
            return _handler.DynamicInvoke(args) switch
            {
                Task<Reply> task => task,
                Reply reply => Task.FromResult(reply),
                _ => Task.FromResult(Reply.None),
            };
        }
        catch (TargetInvocationException e) when (e.InnerException is not null)
        {
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(e.InnerException);
            throw;
        }
    }
}

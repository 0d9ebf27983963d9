await TeamsCrm.FakeGraph.FakeGraphApp.RunAsync(args);

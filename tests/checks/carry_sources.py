"""A right 04_backward_propagation, as learner code: the error-carried-forward tests' starting point
(tests/checks/test_carry_forward.py in a kernel, tests/grading/test_carry_forward.py in the grader)."""

RIGHT = {
    "linear_backward": """
        def linear_backward(dZ, linear_cache):
            A_prev, W, b = linear_cache
            m = A_prev.shape[1]
            dW = dZ @ A_prev.T / m
            db = np.sum(dZ, axis=1, keepdims=True) / m
            return W.T @ dZ, dW, db
    """,
    "relu_backward": """
        def relu_backward(dA, Z):
            return dA * (Z > 0)
    """,
    "sigmoid_backward": """
        def sigmoid_backward(dA, Z):
            s = 1 / (1 + np.exp(-Z))
            return dA * s * (1 - s)
    """,
    "linear_activation_backward": """
        def linear_activation_backward(dA, cache, activation):
            linear_cache, Z = cache
            dZ = relu_backward(dA, Z) if activation == "relu" else sigmoid_backward(dA, Z)
            return linear_backward(dZ, linear_cache)
    """,
}

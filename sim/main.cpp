// Temporary entry point while the runtime is being written (replaced in the same series).
int main() { return 1; }

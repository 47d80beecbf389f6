print("cnnlab")

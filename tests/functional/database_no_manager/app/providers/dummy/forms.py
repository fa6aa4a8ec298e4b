class LoginForm:
    pass

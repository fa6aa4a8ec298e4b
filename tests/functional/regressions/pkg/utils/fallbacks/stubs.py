from pkg.alpha import logger  # [central-imports-package]


class Gadget:
    def render(self):
        pass

from fastapi import FastAPI

from shop.api.routes import router

app = FastAPI(title="shop")
app.include_router(router)
